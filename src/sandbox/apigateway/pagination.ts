// position/limit paging of Get* collections. On the wire a collection is `{item: [...], position}`
// (the SDKs rename `item` to `items`); position is opaque to clients, here the next offset.
import { badRequest } from './errors.js';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 500;

export interface Page<T> {
  item: T[];
  position?: string;
}

export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const limitParam = query.get('limit');
  const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(`Invalid limit: must be an integer between 1 and ${MAX_LIMIT}`);
  }
  const positionParam = query.get('position');
  const offset = positionParam === null ? 0 : Number(Buffer.from(positionParam, 'base64url').toString());
  if (!Number.isInteger(offset) || offset < 0 || offset > items.length) throw badRequest('Invalid position parameter');
  const next = offset + limit;
  return {
    item: items.slice(offset, next),
    ...(next < items.length ? { position: Buffer.from(String(next)).toString('base64url') } : {}),
  };
}
