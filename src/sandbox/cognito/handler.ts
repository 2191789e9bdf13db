// What every operation handler receives: the state and services the Cognito module shares.

import type { Input } from '../input.js';
import type { RequestContext } from '../service.js';
import type { AuthSessions } from './sessions.js';
import type { KeyRing } from './keys.js';
import type { PoolDirectory, PoolKeys, StoredPool } from './state.js';

export interface CognitoDeps {
  pools: PoolDirectory;
  keys: KeyRing;
  /** The signing keys of a pool being created. */
  newPoolKeys(): Promise<PoolKeys>;
  sessions: AuthSessions;
  /** Epoch milliseconds: the test clock when one is given, else the request's time. */
  now(ctx: RequestContext): number;
  /** The iss claim of a pool's tokens. */
  issuer(pool: StoredPool): string;
}

export type Handler = (input: Input, ctx: RequestContext, deps: CognitoDeps) => unknown;
