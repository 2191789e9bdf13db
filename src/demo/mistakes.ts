// `--break <mistake>`: the names a user may give, and the list they are shown.
import { MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { InputError } from '../errors.js';

export const LIST_MISTAKES = 'list';

const isMistakeName = (name: string): name is MistakeName => Object.hasOwn(MISTAKES, name);

/** One line per mistake: its name, then its title. */
export function mistakeList(): string {
  const names = Object.keys(MISTAKES) as MistakeName[];
  const width = Math.max(...names.map((name) => name.length));
  return names.map((name) => `  ${name.padEnd(width)}  ${MISTAKES[name].title}\n`).join('');
}

export function mistakeNamed(name: string): MistakeName {
  if (isMistakeName(name)) return name;
  throw new InputError(`--break: there is no mistake named "${name}". Choose one of:\n${mistakeList().trimEnd()}`);
}
