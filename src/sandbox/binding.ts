// A service module bound to its wire profile, and the optional faces a module may have.

import type { JsonRpcService, Persistable, RequestContext, RestJsonService } from './service.js';
import type { JsonProfile, QueryProfile, RestProfile } from './profiles.js';
import type { QueryService } from './protocols/query.js';

export type ServiceBinding =
  | { protocol: 'json'; profile: JsonProfile; service: JsonRpcService }
  | { protocol: 'rest'; profile: RestProfile; service: RestJsonService }
  | { protocol: 'query'; profile: QueryProfile; service: QueryService };

export function bind(profile: JsonProfile, service: JsonRpcService): ServiceBinding;
export function bind(profile: RestProfile, service: RestJsonService): ServiceBinding;
export function bind(profile: QueryProfile, service: QueryService): ServiceBinding;
export function bind(profile: JsonProfile | RestProfile | QueryProfile, service: object): ServiceBinding {
  return { protocol: profile.protocol, profile, service } as ServiceBinding;
}

/** Cognito's token issuer documents, served outside the JSON-RPC API. */
export interface WellKnownProvider {
  wellKnown(poolId: string, doc: 'jwks.json' | 'openid-configuration', ctx: RequestContext): unknown | undefined;
}

export function isPersistable(service: object): service is Persistable {
  return 'exportState' in service && 'importState' in service;
}

export function isWellKnownProvider<T extends object>(service: T): service is T & WellKnownProvider {
  return typeof (service as Partial<WellKnownProvider>).wellKnown === 'function';
}

