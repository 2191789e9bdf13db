// The last guard of the rule "no password or token in a snapshot": whatever the probes saw (an error message,
// a response body from a function that echoes its request) has every secret they used cut out.

export const REDACTED = '[redacted]';

/** A deep copy of `value` in which every string has each secret replaced by [redacted]. */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const present = secrets.filter((secret) => secret !== '');
  if (present.length === 0) return value;
  const scrub = (text: string): string => present.reduce((result, secret) => result.split(secret).join(REDACTED), text);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrub(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [scrub(key), walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}
