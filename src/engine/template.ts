// `{{name}}` and `{{names.function}}` placeholders in check messages and remediation commands.

export type TemplateValues = { [key: string]: TemplateValue };
type TemplateValue = string | number | boolean | null | undefined | TemplateValues;

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

function lookup(values: TemplateValues, path: string): TemplateValue {
  let current: TemplateValue = values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Fills every placeholder it has a value for; an unknown one stays as written so that a missing value shows.
 * `quote` formats each value (for shell commands).
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
  quote: (value: string) => string = (value) => value,
): string {
  return template.replace(PLACEHOLDER, (whole, path: string) => {
    const value = lookup(values, path);
    if (value === undefined || (value !== null && typeof value === 'object')) return whole;
    return quote(String(value));
  });
}

/** The placeholder names a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

const SAFE_SHELL_WORD = /^[\w.:/@%+=,*$-]+$/;

/**
 * Values observed in an account go into commands a learner will paste: anything beyond plain ID characters is
 * single-quoted. `$VAR` fallbacks stay bare so that the learner's shell expands them.
 */
export function shellWord(value: string): string {
  if (value === '') return "''";
  if (SAFE_SHELL_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
