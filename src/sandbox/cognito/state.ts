// What the service stores, as plain JSON (it is what exportState returns), and the directory of pools.
// Pool ids are globally unique, so one map holds every account's pools; each pool records its owner.
// Signed calls only see the pools of their own account and region; the unsigned calls (InitiateAuth,
// RespondToAuthChallenge) and the token endpoints find a pool through its client id or pool id alone.

import type { JWK } from 'jose';
import { versionedState } from '../persistence.js';
import { own, type Persistable, type RequestContext } from '../service.js';
import { clientNotFound, poolNotFound } from './errors.js';

export type UserStatus = 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';

/** An scrypt hash: the password itself is never stored. */
export interface PasswordHash {
  salt: string;
  hash: string;
}

export interface StoredUser {
  username: string;
  sub: string;
  /** Attributes other than sub, in the order they were given. */
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  password: PasswordHash;
  created: number;
  modified: number;
}

export interface TokenValidityUnits {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
}

export interface StoredClient {
  clientId: string;
  clientName: string;
  secret?: string;
  explicitAuthFlows: string[];
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  accessTokenValidity?: number;
  idTokenValidity?: number;
  refreshTokenValidity: number;
  tokenValidityUnits: TokenValidityUnits;
  readAttributes?: string[];
  writeAttributes?: string[];
  /** Settings kept and echoed but not acted on (OAuth, callback URLs, ...). */
  echoed: Record<string, unknown>;
  created: number;
  modified: number;
}

/** A refresh token, stored under the SHA-256 of its value. */
export interface StoredRefreshToken {
  clientId: string;
  userKey: string;
  /** Tells the user apart from a later user of the same name. */
  sub: string;
  authTime: number;
  originJti: string;
  eventId: string;
  expiresAt: number;
}

/** A pool's ID-token and access-token keys. */
export type PoolKeys = { id: SigningKey; access: SigningKey };

export interface SigningKey {
  kid: string;
  /** Private RSA JWK, kept so that tokens issued before a restart still verify after it. */
  privateJwk: JWK;
}

export interface StoredPool {
  id: string;
  accountId: string;
  region: string;
  name: string;
  /** The UserPool settings echoed by DescribeUserPool (Policies, MfaConfiguration, ...). */
  settings: Record<string, unknown>;
  created: number;
  modified: number;
  clients: Record<string, StoredClient>;
  /** Keyed by userKey(): the username, lower-cased when the pool is case-insensitive. */
  users: Record<string, StoredUser>;
  keys: PoolKeys;
  refreshTokens: Record<string, StoredRefreshToken>;
}

interface CognitoState {
  pools: Record<string, StoredPool>;
}

type Scope = Pick<RequestContext, 'accountId' | 'region'>;

export class PoolDirectory {
  private pools = new Map<string, StoredPool>();

  add(pool: StoredPool): void {
    this.pools.set(pool.id, pool);
  }

  delete(poolId: string): void {
    this.pools.delete(poolId);
  }

  /** Any account's pool, for the unsigned endpoints (JWKS, token verification). */
  get(poolId: string): StoredPool | undefined {
    return this.pools.get(poolId);
  }

  /** The caller's pool, else ResourceNotFoundException, as AWS answers for another account's pool. */
  inScope(scope: Scope, poolId: string): StoredPool {
    const pool = this.pools.get(poolId);
    if (!pool || pool.accountId !== scope.accountId || pool.region !== scope.region) throw poolNotFound(poolId);
    return pool;
  }

  /** A client of the caller's pool, else ResourceNotFoundException. */
  clientInScope(scope: Scope, poolId: string, clientId: string): { pool: StoredPool; client: StoredClient } {
    const pool = this.inScope(scope, poolId);
    const client = own(pool.clients, clientId);
    if (!client) throw clientNotFound(clientId);
    return { pool, client };
  }

  /** The caller's pools, oldest first. */
  listInScope(scope: Scope): StoredPool[] {
    return [...this.pools.values()].filter((p) => p.accountId === scope.accountId && p.region === scope.region);
  }

  /** The client with this id in any account, else ResourceNotFoundException. */
  client(clientId: string): { pool: StoredPool; client: StoredClient } {
    for (const pool of this.pools.values()) {
      const client = own(pool.clients, clientId);
      if (client) return { pool, client };
    }
    throw clientNotFound(clientId);
  }

  /** The pools' state file; `afterLoad` drops what may not outlive a restart (sign-in sessions). */
  persistence(afterLoad: () => void): Persistable {
    return versionedState<CognitoState>(
      { service: 'cognito-idp', version: 1, members: ['pools'] },
      () => ({ pools: Object.fromEntries(this.pools) }),
      ({ pools }) => {
        this.pools = new Map(Object.entries(pools));
        afterLoad();
      },
    );
  }
}

export function userKey(pool: StoredPool, username: string): string {
  const config = pool.settings['UsernameConfiguration'] as { CaseSensitive?: boolean } | undefined;
  return config?.CaseSensitive === false ? username.toLowerCase() : username;
}

/** JSON dates are epoch seconds. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
