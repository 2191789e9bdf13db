// position/limit paging of Get* collections, over the sandbox's shared marker paging. On the wire a
// collection is `{item: [...], position}` (the SDKs rename `item` to `items`).
import { paginate as paginateByMarker } from '../pagination.js';
import { badRequest } from './errors.js';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 500;

export function paginate<T>(items: readonly T[], query: URLSearchParams): { item: T[]; position?: string } {
  const limitParam = query.get('limit');
  const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(`Invalid limit: must be an integer between 1 and ${MAX_LIMIT}`);
  }
  const page = paginateByMarker(items, query.get('position') ?? undefined, limit, () =>
    badRequest('Invalid position parameter'),
  );
  return { item: page.items, ...(page.nextMarker === undefined ? {} : { position: page.nextMarker }) };
}
