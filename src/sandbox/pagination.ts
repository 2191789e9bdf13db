// Marker pagination as IAM and Lambda do it: an opaque marker from one page continues the next.

export interface Page<T> {
  items: T[];
  /** Set when more items follow. */
  nextMarker?: string;
}

const encode = (index: number) => Buffer.from(`offset:${index}`).toString('base64url');

function decode(marker: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** `invalidMarker` is the service's own error for a marker it did not hand out. */
export function paginate<T>(items: readonly T[], marker: string | undefined, maxItems: number, invalidMarker: () => Error): Page<T> {
  const start = marker === undefined ? 0 : decode(marker);
  if (start === undefined) throw invalidMarker();
  const end = start + maxItems;
  return { items: items.slice(start, end), nextMarker: end < items.length ? encode(end) : undefined };
}
