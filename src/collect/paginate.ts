// Every List call is paginated: a learner's account may hold more pools, APIs or policies than one page.

export interface PageContent<Item> {
  items: readonly Item[] | undefined;
  next: string | undefined;
}

/** Fetches page after page until the service returns no next token, and concatenates the items. */
export async function collectPages<Page, Item>(
  fetchPage: (token: string | undefined) => Promise<Page>,
  read: (page: Page) => PageContent<Item>,
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = read(await fetchPage(token));
    items.push(...(page.items ?? []));
    token = page.next || undefined;
    // A service (or an emulator) that hands back a token it already gave would loop forever.
    if (token !== undefined && seen.has(token)) break;
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
  return items;
}
