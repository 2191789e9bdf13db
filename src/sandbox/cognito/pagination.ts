// Opaque page tokens for the List operations: the token names the first item of the next page.

import { invalidParameter } from './errors.js';

export interface Page<T> {
  items: T[];
  next?: string;
}

export function paginate<T>(all: T[], keyOf: (item: T) => string, limit: number, token: string | undefined): Page<T> {
  let start = 0;
  if (token !== undefined) {
    const key = Buffer.from(token, 'base64url').toString('utf8');
    start = all.findIndex((item) => keyOf(item) === key);
    if (start < 0) throw invalidParameter('Invalid pagination token.');
  }
  const items = all.slice(start, start + limit);
  const following = all[start + limit];
  return following === undefined ? { items } : { items, next: Buffer.from(keyOf(following), 'utf8').toString('base64url') };
}
