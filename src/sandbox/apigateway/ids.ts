// Identifiers in AWS's form: lowercase alphanumerics, 10 for REST APIs and root resources, 6 for
// child resources, authorizers and deployments.
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LETTERS = 26;

/**
 * A fresh id not in `taken`. The first character is a letter so that an id is never an array-index-like
 * key, which would reorder records kept in insertion order.
 */
export function newId(length: number, taken: Record<string, unknown> = {}): string {
  for (;;) {
    let id = ALPHABET[randomInt(LETTERS)]!;
    while (id.length < length) id += ALPHABET[randomInt(ALPHABET.length)]!;
    if (!(id in taken)) return id;
  }
}
