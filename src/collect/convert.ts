// Turning SDK output into snapshot values.

/** The service's answer lacks something it always sends (an emulator's bug, or a changed API). */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponse';
}

export function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new UnexpectedResponseError(`the response has no ${what}`);
  return value;
}

export function isoDate(value: Date | undefined): string | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;
}

export function orNull<T>(value: T | undefined): T | null {
  return value ?? null;
}
