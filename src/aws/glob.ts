// IAM-style wildcards: * for any run of characters, ? for one character; everything else literal.
// Shared by the grader's checks and the sandbox, so both read a policy the same way.

export function globMatches(pattern: string, value: string, options: { ignoreCase?: boolean } = {}): boolean {
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'si' : 's').test(value);
}
