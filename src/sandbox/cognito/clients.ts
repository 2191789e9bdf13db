// CreateUserPoolClient, DescribeUserPoolClient, ListUserPoolClients, UpdateUserPoolClient,
// DeleteUserPoolClient, and which auth flows a client allows.

import type { Input } from '../input.js';
import type { RequestContext } from '../service.js';
import { invalidParameter } from './errors.js';
import type { CognitoDeps, Handler } from './handler.js';
import { newClientId, newClientSecret } from './ids.js';
import { paginate } from './pagination.js';
import { epochSeconds, type StoredClient, type StoredPool, type TokenValidityUnits } from './state.js';
import { tokenLifetimes } from './tokens.js';
import { CLIENT_ID, NAME, PAGE_TOKEN, USER_POOL_ID, type Rules } from './input.js';

const LEGACY_FLOWS = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];
const ALLOW_FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH',
];
/** What a client created through the API without ExplicitAuthFlows allows. */
const DEFAULT_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

/**
 * Whether a client allows an AuthFlow. Legacy names are the old spellings of ALLOW_* flows; a client
 * with legacy names only always allowed SRP and refresh, which had no switch before the ALLOW_* names.
 */
export function flowEnabled(client: StoredClient, authFlow: string): boolean {
  const flows = client.explicitAuthFlows;
  const legacyOnly = !flows.some((f) => f.startsWith('ALLOW_'));
  switch (authFlow) {
    case 'USER_PASSWORD_AUTH':
      return flows.includes('USER_PASSWORD_AUTH') || flows.includes('ALLOW_USER_PASSWORD_AUTH');
    case 'ADMIN_NO_SRP_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      return flows.includes('ADMIN_NO_SRP_AUTH') || flows.includes('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return legacyOnly || flows.includes('ALLOW_REFRESH_TOKEN_AUTH');
    case 'USER_SRP_AUTH':
      return legacyOnly || flows.includes('ALLOW_USER_SRP_AUTH');
    case 'CUSTOM_AUTH':
      return flows.includes('CUSTOM_AUTH_FLOW_ONLY') || flows.includes('ALLOW_CUSTOM_AUTH');
    case 'USER_AUTH':
      return flows.includes('ALLOW_USER_AUTH');
    default:
      return false;
  }
}

const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days'];

const SETTINGS_RULES: Rules = {
  RefreshTokenValidity: { min: 0, max: 315360000 },
  AccessTokenValidity: { min: 1, max: 86400 },
  IdTokenValidity: { min: 1, max: 86400 },
  ExplicitAuthFlows: { memberEnum: [...LEGACY_FLOWS, ...ALLOW_FLOWS] },
  PreventUserExistenceErrors: { enum: ['LEGACY', 'ENABLED'] },
  AuthSessionValidity: { min: 3, max: 15 },
};

// Settings the sandbox stores and returns but does not act on, with the defaults AWS fills in.
const ECHOED_DEFAULTS: Record<string, unknown> = {
  AllowedOAuthFlowsUserPoolClient: false,
  EnableTokenRevocation: true,
  EnablePropagateAdditionalUserContextData: false,
  AuthSessionValidity: 3,
};
const ECHOED = [
  'SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlows',
  'AllowedOAuthScopes', 'AnalyticsConfiguration', 'RefreshTokenRotation', ...Object.keys(ECHOED_DEFAULTS),
];

type ClientSettings = Omit<StoredClient, 'clientId' | 'clientName' | 'secret' | 'created' | 'modified'>;

/** A client's settings from a Create or Update request: whatever is not given takes its default, as in AWS. */
function settingsFrom(input: Input): ClientSettings {
  const flows = input.stringList('ExplicitAuthFlows') ?? DEFAULT_FLOWS;
  if (flows.some((f) => f.startsWith('ALLOW_')) && flows.some((f) => LEGACY_FLOWS.includes(f))) {
    throw invalidParameter('Cannot mix ALLOW_ prefixed and legacy values in ExplicitAuthFlows.');
  }
  const units = (input.stringMap('TokenValidityUnits') ?? {}) as TokenValidityUnits;
  for (const unit of Object.values(units)) {
    if (!TIME_UNITS.includes(unit as string)) throw invalidParameter(`Invalid time unit: ${String(unit)}`);
  }
  const settings: ClientSettings = {
    explicitAuthFlows: flows,
    preventUserExistenceErrors: (input.string('PreventUserExistenceErrors') ?? 'LEGACY') as 'LEGACY' | 'ENABLED',
    refreshTokenValidity: input.integer('RefreshTokenValidity') ?? 30,
    tokenValidityUnits: { ...units },
    echoed: { ...ECHOED_DEFAULTS, ...Object.fromEntries(ECHOED.filter((k) => input.has(k)).map((k) => [k, input.any(k)])) },
  };
  const accessTokenValidity = input.integer('AccessTokenValidity');
  const idTokenValidity = input.integer('IdTokenValidity');
  if (accessTokenValidity !== undefined) settings.accessTokenValidity = accessTokenValidity;
  if (idTokenValidity !== undefined) settings.idTokenValidity = idTokenValidity;
  const read = input.stringList('ReadAttributes');
  const write = input.stringList('WriteAttributes');
  if (read) settings.readAttributes = read;
  if (write) settings.writeAttributes = write;
  checkLifetimes(settings);
  return settings;
}

/** ID and access tokens live 5 minutes to 1 day; refresh tokens 1 hour to 10 years. */
function checkLifetimes(settings: ClientSettings): void {
  const lifetimes = tokenLifetimes(settings);
  const inRange = (s: number, min: number, max: number) => s >= min && s <= max;
  if (!inRange(lifetimes.access, 300, 86400) || !inRange(lifetimes.id, 300, 86400)) {
    throw invalidParameter('Invalid range for token validity.');
  }
  if (!inRange(lifetimes.refresh, 3600, 3650 * 86400)) throw invalidParameter('Invalid range for token validity.');
}

function describeClient(pool: StoredPool, client: StoredClient): Record<string, unknown> {
  return {
    UserPoolId: pool.id,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ...(client.secret !== undefined && { ClientSecret: client.secret }),
    LastModifiedDate: epochSeconds(client.modified),
    CreationDate: epochSeconds(client.created),
    RefreshTokenValidity: client.refreshTokenValidity,
    ...(client.accessTokenValidity !== undefined && { AccessTokenValidity: client.accessTokenValidity }),
    ...(client.idTokenValidity !== undefined && { IdTokenValidity: client.idTokenValidity }),
    TokenValidityUnits: client.tokenValidityUnits,
    ...(client.readAttributes && { ReadAttributes: client.readAttributes }),
    ...(client.writeAttributes && { WriteAttributes: client.writeAttributes }),
    ExplicitAuthFlows: client.explicitAuthFlows,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    ...client.echoed,
  };
}

function clientOf(
  input: Input,
  ctx: RequestContext,
  deps: CognitoDeps,
  moreRules: Rules = {},
): { pool: StoredPool; client: StoredClient } {
  input.check({ UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, ...moreRules });
  return deps.pools.clientInScope(ctx, input.requiredString('UserPoolId'), input.requiredString('ClientId'));
}

const createUserPoolClient: Handler = (input, ctx, deps) => {
  input.check({
    UserPoolId: USER_POOL_ID,
    ClientName: NAME,
    ClientSecret: { min: 24, max: 64, pattern: '[\\w+]+', sensitive: true },
    ...SETTINGS_RULES,
  });
  const pool = deps.pools.inScope(ctx, input.requiredString('UserPoolId'));
  const settings = settingsFrom(input);
  const now = deps.now(ctx);
  const given = input.string('ClientSecret');
  const secret = given ?? (input.boolean('GenerateSecret') === true ? newClientSecret() : undefined);
  const client: StoredClient = {
    clientId: newClientId(),
    clientName: input.requiredString('ClientName'),
    ...(secret !== undefined && { secret }),
    ...settings,
    created: now,
    modified: now,
  };
  pool.clients[client.clientId] = client;
  return { UserPoolClient: describeClient(pool, client) };
};

const describeUserPoolClient: Handler = (input, ctx, deps) => {
  const { pool, client } = clientOf(input, ctx, deps);
  return { UserPoolClient: describeClient(pool, client) };
};

const listUserPoolClients: Handler = (input, ctx, deps) => {
  input.check({ UserPoolId: USER_POOL_ID, MaxResults: { min: 1, max: 60 }, NextToken: PAGE_TOKEN });
  const pool = deps.pools.inScope(ctx, input.requiredString('UserPoolId'));
  const limit = input.integer('MaxResults') ?? 60;
  const page = paginate(Object.values(pool.clients), (c) => c.clientId, limit, input.string('NextToken'));
  return {
    UserPoolClients: page.items.map((c) => ({ ClientId: c.clientId, UserPoolId: pool.id, ClientName: c.clientName })),
    ...(page.next && { NextToken: page.next }),
  };
};

const updateUserPoolClient: Handler = (input, ctx, deps) => {
  const { pool, client } = clientOf(input, ctx, deps, { ClientName: { ...NAME, required: false }, ...SETTINGS_RULES });
  const updated: StoredClient = {
    clientId: client.clientId,
    clientName: input.string('ClientName') ?? client.clientName,
    ...(client.secret !== undefined && { secret: client.secret }),
    ...settingsFrom(input),
    created: client.created,
    modified: deps.now(ctx),
  };
  pool.clients[client.clientId] = updated;
  return { UserPoolClient: describeClient(pool, updated) };
};

const deleteUserPoolClient: Handler = (input, ctx, deps) => {
  const { pool, client } = clientOf(input, ctx, deps);
  delete pool.clients[client.clientId];
  return {};
};

export const clientHandlers: Record<string, Handler> = {
  CreateUserPoolClient: createUserPoolClient,
  DescribeUserPoolClient: describeUserPoolClient,
  ListUserPoolClients: listUserPoolClients,
  UpdateUserPoolClient: updateUserPoolClient,
  DeleteUserPoolClient: deleteUserPoolClient,
};
