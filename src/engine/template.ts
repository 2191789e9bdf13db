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

const SAFE_SHELL_WORD = /^[\w.:/@%+=,-]+$/;
/** The lab's shell variables that stand in for an ID the grader could not see: left for the shell to expand. */
const SHELL_VARIABLE = /^\$[A-Z_][A-Z0-9_]*$/;

/**
 * Values observed in an account go into commands a learner will paste: anything beyond plain ID characters is
 * single-quoted. `$VAR` fallbacks stay bare so that the learner's shell expands them.
 */
export function shellWord(value: string): string {
  if (value === '') return "''";
  if (SAFE_SHELL_WORD.test(value) || SHELL_VARIABLE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A value inside a double-quoted part of a command (e.g. an ARN with `*`): escaped so the shell takes it as is. */
function inDoubleQuotes(value: string): string {
  if (SAFE_SHELL_WORD.test(value) || SHELL_VARIABLE.test(value)) return value;
  return value.replace(/["$`\\]/g, (character) => `\\${character}`);
}

/**
 * Fills a command template: a placeholder between double quotes of the template is escaped for double quotes,
 * any other is a shell word of its own.
 */
export function renderCommand(template: string, values: TemplateValues): string {
  let output = '';
  let from = 0;
  let quote: '' | "'" | '"' = '';
  for (const match of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(from, match.index);
    for (const character of literal) {
      if (quote === '' && (character === "'" || character === '"')) quote = character;
      else if (character === quote) quote = '';
    }
    output += literal + renderTemplate(match[0], values, quote === '"' ? inDoubleQuotes : shellWord);
    from = match.index + match[0].length;
  }
  return output + template.slice(from);
}
