// Observed lists and values as they appear in a learner-facing sentence.

/** "a, b, c", or `none` for an empty list. */
export function listed(values: readonly string[], none = 'none'): string {
  return values.length === 0 ? none : values.join(', ');
}

/** A value that may be missing, as a sentence shows it. */
export function shown(value: string | null | undefined, none = 'none'): string {
  return value === null || value === undefined || value === '' ? none : value;
}
