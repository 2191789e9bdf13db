// How deep a parsed JSON document nests. JSON.parse takes any depth, but everything that later walks the value
// recursively (JSON.stringify, deep equality, schema validation, reports) overflows the stack on a deep one.
import { InputError } from '../errors.js';

/**
 * The JSON pointer of the first array or object nested more than `max` levels deep in `document`, or null when
 * there is none. Iterative, so that the document may be deeper than the call stack.
 */
export function pointerDeeperThan(document: unknown, max: number): string | null {
  const pending: { value: unknown; pointer: string; depth: number }[] = [{ value: document, pointer: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, pointer, depth } = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= max) return pointer || '/';
    for (const [key, child] of Object.entries(value)) {
      pending.push({ value: child, pointer: `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth: depth + 1 });
    }
  }
  return null;
}

/** A file a user gave us (`where`), holding a `what`, must nest at most `max` levels: an InputError otherwise. */
export function refuseDeeperThan(document: unknown, max: number, where: string, what: string): void {
  const pointer = pointerDeeperThan(document, max);
  if (pointer === null) return;
  throw new InputError(`${where}: ${pointer.slice(0, 200)} nests more than ${max} levels deep, which no ${what} does; fix the file or produce it again.`);
}
