// The sandbox's cognito-idp: user pools, app clients, users, the password and refresh sign-in flows, and
// the token issuer with its JWKS. See README.md for what it does and where it differs from AWS.

import { AwsError, type JsonRpcService, type Persistable, type RequestContext } from '../service.js';
import { authHandlers } from './auth-flows.js';
import { clientHandlers } from './clients.js';
import type { CognitoDeps, Handler } from './handler.js';
import { cognitoInput } from './input.js';
import { KeyRing, poolKeySource, type SigningKeys } from './keys.js';
import { poolHandlers } from './pools.js';
import { AuthSessions } from './sessions.js';
import { PoolDirectory } from './state.js';
import { issuerUrl, type IssuerForm } from './tokens.js';
import { userHandlers } from './users.js';
import { TokenVerifier } from './verifier.js';
import { jwks, openIdConfiguration } from './well-known.js';

export { poolIdFromArn } from './ids.js';
export type { IssuerForm } from './tokens.js';
export type { TokenCheck, TokenRejection, TokenVerifier, VerifyTokenOptions } from './verifier.js';

export interface CognitoServiceOptions {
  /** The clock for token times and dates (tests); default: the request's time. */
  now?: () => Date;
  /** The iss host of tokens: 'cognito-idp' (default, the classic form) or 'issuer-cognito-idp'. */
  issuerForm?: IssuerForm;
  /**
   * 'per-pool' (default, as Cognito): each pool generates its two RSA keys, ~0.2-0.6 s of CPU each on a small
   * machine. 'shared': every pool of this service signs with the same two keys; tokens are still told apart by
   * their issuer, which the authorizer checks. For test suites that build many pools.
   */
  signingKeys?: SigningKeys;
}

export interface CognitoService extends JsonRpcService, Persistable {
  /** GET /<poolId>/.well-known/<doc>; undefined when there is no such pool (the core answers 404). */
  wellKnown(poolId: string, doc: 'jwks.json' | 'openid-configuration', ctx: RequestContext): unknown | undefined;
  /** For the API data plane: verifyToken(token, { allowedPoolIds, tokenUse?, now? }). */
  verifier: TokenVerifier;
}

const HANDLERS: Record<string, Handler> = { ...poolHandlers, ...clientHandlers, ...userHandlers, ...authHandlers };

export function createCognitoService(options: CognitoServiceOptions = {}): CognitoService {
  const issuerForm = options.issuerForm ?? 'cognito-idp';
  const clock = options.now;
  const deps: CognitoDeps = {
    pools: new PoolDirectory(),
    keys: new KeyRing(),
    newPoolKeys: poolKeySource(options.signingKeys ?? 'per-pool'),
    sessions: new AuthSessions(),
    now: (ctx) => (clock ? clock() : ctx.now).getTime(),
    issuer: (pool) => issuerUrl(issuerForm, pool.region, pool.id),
  };

  return {
    targetPrefix: 'AWSCognitoIdentityProviderService',
    operations: Object.keys(HANDLERS),

    handle(operation, input, ctx) {
      const handler = Object.hasOwn(HANDLERS, operation) ? HANDLERS[operation] : undefined;
      if (!handler) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
      return handler(cognitoInput(input), ctx, deps);
    },

    wellKnown(poolId, doc, ctx) {
      const pool = deps.pools.get(poolId);
      if (!pool) return undefined;
      return doc === 'jwks.json' ? jwks(pool) : openIdConfiguration(pool, deps.issuer(pool), ctx);
    },

    verifier: new TokenVerifier(deps.pools, deps.keys, () => clock?.() ?? new Date()),

    ...deps.pools.persistence(() => deps.sessions.clear()),
  };
}
