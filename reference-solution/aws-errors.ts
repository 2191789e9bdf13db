// Telling AWS's "it is not there" apart from every other error (which must stop a run at once).

export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** The call's result, or undefined when it failed with one of `notFoundNames`; any other error is rethrown. */
export async function unlessNotFound<T>(call: Promise<T>, ...notFoundNames: string[]): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (notFoundNames.includes(errorName(error) ?? '')) return undefined;
    throw error;
  }
}
