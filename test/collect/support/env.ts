// Tests that exercise the real credential providers set AWS variables for their own process, and put them back.

/** Sets (a string) or unsets (undefined) each variable; the returned function restores what was there. */
export function setEnv(values: Record<string, string | undefined>): () => void {
  const saved = Object.keys(values).map((name) => [name, process.env[name]] as const);
  assign(values);
  return () => assign(Object.fromEntries(saved));
}

function assign(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
