// Finding the lab's resources by the lab's names: deploy reuses them, teardown removes them, mistakes change them.
import { GetRestApisCommand, type RestApi } from '@aws-sdk/client-api-gateway';
import { ListUserPoolClientsCommand, ListUserPoolsCommand, type UserPoolClientDescription, type UserPoolDescriptionType } from '@aws-sdk/client-cognito-identity-provider';
import type { ReferenceClients } from './clients.js';

async function allPages<Page, Item>(fetch: (token: string | undefined) => Promise<Page>, read: (page: Page) => { items?: Item[]; next?: string }): Promise<Item[]> {
  const items: Item[] = [];
  let token: string | undefined;
  do {
    const page = read(await fetch(token));
    items.push(...(page.items ?? []));
    token = page.next;
  } while (token);
  return items;
}

export async function poolsNamed(clients: ReferenceClients, name: string): Promise<UserPoolDescriptionType[]> {
  const pools = await allPages(
    (NextToken) => clients.cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken })),
    (page) => ({ items: page.UserPools, next: page.NextToken }),
  );
  return pools.filter((pool) => pool.Name === name);
}

export async function clientsNamed(clients: ReferenceClients, userPoolId: string, name: string): Promise<UserPoolClientDescription[]> {
  const appClients = await allPages(
    (NextToken) => clients.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken })),
    (page) => ({ items: page.UserPoolClients, next: page.NextToken }),
  );
  return appClients.filter((client) => client.ClientName === name);
}

export async function apisNamed(clients: ReferenceClients, name: string): Promise<RestApi[]> {
  const apis = await allPages(
    (position) => clients.apigateway.send(new GetRestApisCommand({ limit: 500, position })),
    (page) => ({ items: page.items, next: page.position }),
  );
  return apis.filter((api) => api.name === name);
}

/** The most recently created item (what a learner who ran a step twice last made), or undefined. */
export function newest<T>(items: readonly T[], createdAt: (item: T) => Date | undefined): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || (createdAt(item)?.getTime() ?? 0) >= (createdAt(best)?.getTime() ?? 0) ? item : best),
    undefined,
  );
}
