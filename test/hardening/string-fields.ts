// Every string a snapshot holds, as a path, so that a test can put hostile text in each field in turn: whatever
// field a collector copies from an AWS answer, it may hold what the learner typed.
import { mutate } from '../../fixtures/mutate.js';

export type FieldPath = readonly (string | number)[];

/** Paths of every string value, and of every object key (attribute names, resource paths, methods). */
export function stringFields(value: unknown, path: FieldPath = []): { path: FieldPath; isKey: boolean }[] {
  if (typeof value === 'string') return [{ path, isKey: false }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringFields(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [{ path: [...path, key], isKey: true }, ...stringFields(item, [...path, key])]);
}

/** The string at `path`, or the key it ends in. */
export function fieldText(document: unknown, field: { path: FieldPath; isKey: boolean }): string {
  if (field.isKey) return String(field.path.at(-1));
  return field.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], document) as string;
}

/** A copy of `document` with the value at `path` replaced by `value`, or the key it ends in renamed to it. */
export function replaceField<T>(document: T, field: { path: FieldPath; isKey: boolean }, value: unknown): T {
  return mutate(document, (draft) => {
    const parentPath = field.path.slice(0, -1);
    const last = field.path.at(-1) as string | number;
    const parent = parentPath.reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, draft as Record<string, unknown>);
    if (!field.isKey) {
      parent[last] = value;
      return;
    }
    // Renaming a key keeps its value and the object's key order.
    const entries = Object.entries(parent).map(([key, item]) => [key === last ? String(value) : key, item] as const);
    for (const key of Object.keys(parent)) delete parent[key];
    Object.assign(parent, Object.fromEntries(entries));
  });
}
