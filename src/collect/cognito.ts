// Cognito: the lab's user pool (by name), its app client (by name) and the lab user.
// ListUserPools -> (DescribeUserPool | ListUserPoolClients -> DescribeUserPoolClient | AdminGetUser).
import {
  AdminGetUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AppClient, ClientSummary, CognitoEvidence, Observed, PoolSummary, PoolUser, UserPool } from '../snapshot/types.js';
import { chooseCandidate, mapNonEmpty } from './choose.js';
import type { CollectContext, Section } from './context.js';
import { isoDate, orNull, required } from './convert.js';
import { absentIfEmpty, mapFound, skippedAfter } from './observed.js';
import { nearMissesOf } from './near-miss.js';
import { regionsHolding } from './other-regions.js';
import { collectPages } from './paginate.js';

/** The most ListUserPools and ListUserPoolClients accept per page. */
const PAGE_SIZE = 60;

/**
 * Pool id -> name of an authorizer whose providerARNs reference it, or why that is unknown. Asked only when
 * pools share the lab's name.
 */
export type PoolsUsedByAuthorizers = () => Promise<Observed<ReadonlyMap<string, string>>>;

export async function collectCognito(ctx: CollectContext, poolsUsedByAuthorizers: PoolsUsedByAuthorizers): Promise<Section<CognitoEvidence>> {
  const poolName = ctx.lab.names.userPool;
  const allPools = await listPools(ctx);
  const pools = absentIfEmpty(named(allPools, poolName), `no user pool named ${poolName} in ${ctx.region}`);
  if (pools.state === 'absent') return withPoolElsewhere(ctx, allPools, noPool(pools, pools, `the user pool ${poolName}`));
  if (pools.state !== 'found') return noPool(pools, pools, `the user pool ${poolName}`);
  const usedByAuthorizers = pools.value.length > 1 ? await poolsUsedByAuthorizers() : null;
  // Grading the newest instead would judge a pool the learner may not use: the choice is unknown, not made.
  if (usedByAuthorizers?.state === 'error') return noPool(pools, usedByAuthorizers, `which user pool ${poolName} the authorizer uses`);
  const usedBy = usedByAuthorizers?.state === 'found' ? usedByAuthorizers.value : new Map<string, string>();
  const poolCandidate = (pool: PoolSummary) => ({ id: pool.id, createdDate: pool.creationDate });
  const { choice: poolChoice, note } = chooseCandidate('user pools', poolName, pools.value, poolCandidate, {
    ids: new Set(usedBy.keys()),
    reason: 'referenced-by-authorizer',
    because: (id) => `the one ${usedBy.get(id) ?? 'the authorizer'} uses`,
  });
  const poolId = poolChoice.chosen;
  const [pool, client, user] = await Promise.all([
    describePool(ctx, poolId),
    collectClient(ctx, poolId),
    getUser(ctx, poolId),
  ]);
  return {
    evidence: { pools, poolChoice, pool, ...client.evidence, user },
    notes: [note, ...client.notes].filter((text): text is string => text !== null),
  };
}

/** No pool to grade (`pool` says why); what hangs off the pool is skipped for the same reason. */
function noPool(pools: CognitoEvidence['pools'], pool: Exclude<Observed<never>, { state: 'found' }>, what: string): Section<CognitoEvidence> {
  const reason = skippedAfter<never>(pool, what);
  return { evidence: { pools, poolChoice: null, pool, clients: reason, clientChoice: null, client: reason, user: reason }, notes: [] };
}

/** No pool has the lab's name: those whose name is a near miss of it, and the other regions that have one. */
async function withPoolElsewhere(ctx: CollectContext, allPools: Observed<PoolSummary[]>, section: Section<CognitoEvidence>): Promise<Section<CognitoEvidence>> {
  const poolName = ctx.lab.names.userPool;
  const poolInRegions = await regionsHolding(ctx, async (regional) => absentIfEmpty(named(await listPools(regional), poolName), 'none'));
  const poolNearMisses = mapFound(allPools, (list) => nearMissesOf(list, poolName, ({ id, name }) => ({ id, name })));
  return { ...section, evidence: { ...section.evidence, poolNearMisses, ...(poolInRegions && { poolInRegions }) } };
}

function named(pools: Observed<PoolSummary[]>, name: string): Observed<PoolSummary[]> {
  return mapFound(pools, (list) => list.filter((pool) => pool.name === name));
}

/** Every pool of the region: a pool's name is all ListUserPools filters by, and it has no filter. */
function listPools(ctx: CollectContext): Promise<Observed<PoolSummary[]>> {
  return ctx.observe('cognito-idp:ListUserPools', async () => {
    const pools = await collectPages(
      (NextToken) => ctx.clients.cognito.send(new ListUserPoolsCommand({ MaxResults: PAGE_SIZE, NextToken })),
      (page) => ({ items: page.UserPools, next: page.NextToken }),
    );
    return pools.map((pool) => ({ id: required(pool.Id, 'Id'), name: pool.Name ?? '', creationDate: isoDate(pool.CreationDate) }));
  });
}

function describePool(ctx: CollectContext, poolId: string): Promise<Observed<UserPool>> {
  return ctx.observe('cognito-idp:DescribeUserPool', async () => {
    const pool = required((await ctx.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool, 'UserPool');
    return {
      id: required(pool.Id, 'Id'),
      name: required(pool.Name, 'Name'),
      arn: required(pool.Arn, 'Arn'),
      creationDate: isoDate(pool.CreationDate),
      lastModifiedDate: isoDate(pool.LastModifiedDate),
      estimatedNumberOfUsers: orNull(pool.EstimatedNumberOfUsers),
    };
  });
}

type ClientEvidence = Pick<CognitoEvidence, 'clients' | 'clientChoice' | 'client'>;

/** Clients named like the lab's; with several, each is described to find the newest (List has no dates). */
async function collectClient(ctx: CollectContext, poolId: string): Promise<Section<ClientEvidence>> {
  const clientName = ctx.lab.names.appClient;
  const clients = absentIfEmpty(await listClientsNamed(ctx, poolId, clientName), `no app client named ${clientName} in user pool ${poolId}`);
  if (clients.state !== 'found') return { evidence: { clients, clientChoice: null, client: clients }, notes: [] };
  const described = await Promise.all(mapNonEmpty(clients.value, (summary) => describeClient(ctx, poolId, summary.clientId)));
  // The newest is graded, and one that could not be described may be the newest: the choice is unknown.
  const undescribed = described.length > 1 ? described.find((entry) => entry.client.state === 'error')?.client : undefined;
  if (undescribed !== undefined) return { evidence: { clients, clientChoice: null, client: undescribed }, notes: [] };
  const { chosen, choice: clientChoice, note } = chooseCandidate(`app clients of user pool ${poolId}`, clientName, described, (entry) => entry);
  return { evidence: { clients, clientChoice, client: chosen.client }, notes: note === null ? [] : [note] };
}

function listClientsNamed(ctx: CollectContext, poolId: string, name: string): Promise<Observed<ClientSummary[]>> {
  return ctx.observe('cognito-idp:ListUserPoolClients', async () => {
    const clients = await collectPages(
      (NextToken) => ctx.clients.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: PAGE_SIZE, NextToken })),
      (page) => ({ items: page.UserPoolClients, next: page.NextToken }),
    );
    return clients
      .filter((client) => client.ClientName === name)
      .map((client) => ({ clientId: required(client.ClientId, 'ClientId'), clientName: name }));
  });
}

interface DescribedClient {
  id: string;
  createdDate: string | null;
  client: Observed<AppClient>;
}

async function describeClient(ctx: CollectContext, poolId: string, clientId: string): Promise<DescribedClient> {
  const described = await ctx.observe('cognito-idp:DescribeUserPoolClient', async () => {
    const output = await ctx.clients.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    const client = required(output.UserPoolClient, 'UserPoolClient');
    return { client: toAppClient(client, poolId), createdDate: isoDate(client.CreationDate) };
  });
  return {
    id: clientId,
    createdDate: described.state === 'found' ? described.value.createdDate : null,
    client: mapFound(described, ({ client }) => client),
  };
}

function toAppClient(client: UserPoolClientType, poolId: string): AppClient {
  return {
    clientId: required(client.ClientId, 'ClientId'),
    clientName: required(client.ClientName, 'ClientName'),
    userPoolId: client.UserPoolId ?? poolId,
    explicitAuthFlows: client.ExplicitAuthFlows ?? [],
    // Only whether there is one: the secret itself never leaves this function.
    hasSecret: Boolean(client.ClientSecret),
    preventUserExistenceErrors: orNull(client.PreventUserExistenceErrors),
    idTokenValidity: orNull(client.IdTokenValidity),
    accessTokenValidity: orNull(client.AccessTokenValidity),
  };
}

function getUser(ctx: CollectContext, poolId: string): Promise<Observed<PoolUser>> {
  return ctx.observe('cognito-idp:AdminGetUser', async () => {
    const user = await ctx.clients.cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: ctx.lab.names.username }));
    return {
      username: required(user.Username, 'Username'),
      enabled: user.Enabled ?? false,
      userStatus: required(user.UserStatus, 'UserStatus'),
      createdDate: isoDate(user.UserCreateDate),
      lastModifiedDate: isoDate(user.UserLastModifiedDate),
      attributes: Object.fromEntries((user.UserAttributes ?? []).map((attribute) => [attribute.Name ?? '', attribute.Value ?? ''])),
    };
  });
}
