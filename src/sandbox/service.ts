// The contract between the sandbox's HTTP core (server, protocols, routing, accounts, request log, faults,
// persistence) and its service modules. A service module holds state and logic only: it never touches HTTP.

import { randomUUID } from 'node:crypto';

/** An error as AWS would return it. The core serialises it in the service's wire protocol. */
export class AwsError extends Error {
  override readonly name = 'AwsError';
  constructor(
    /** AWS's error code: NotFoundException, NoSuchEntity, InvalidParameterException, ... */
    readonly code: string,
    message: string,
    /** HTTP status AWS uses for it. */
    readonly status = 400,
    /** Extra response headers (Retry-After, ...). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What every handler learns about the request it serves. */
export interface RequestContext {
  /** From the SigV4 access key (12 digits: that account), else 000000000000. */
  accountId: string;
  /** From the SigV4 credential scope, else the sandbox's default region. */
  region: string;
  /** The access key id that signed the request, or null (unsigned: InitiateAuth, data plane). */
  accessKeyId: string | null;
  requestId: string;
  now: Date;
  /** The base URL of this sandbox (http://127.0.0.1:PORT), for URLs it hands out (code download, JWKS). */
  baseUrl: string;
}

/** cognito-idp: awsJson1_1, `X-Amz-Target: <targetPrefix>.<Operation>`. */
export interface JsonRpcService {
  targetPrefix: string;
  /** The operations handle() answers, for documentation and its tests. */
  operations: readonly string[];
  /** Returns the JSON result object; throws AwsError. Unknown operation: throw AwsError('UnknownOperationException', ...). */
  handle(operation: string, input: Record<string, unknown>, ctx: RequestContext): Promise<unknown> | unknown;
}

/** apigateway, lambda: restJson1. */
export interface RestInput {
  /** Path parameters named as in the route pattern, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when there is none. A body that is not JSON is rejected by the core. */
  body: unknown;
  rawBody: Buffer;
  /** Lower-cased header names. */
  headers: Record<string, string>;
}

export interface RestOutput {
  status: number;
  /** Serialised as JSON unless it is a Buffer (sent as is) or undefined (empty body). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** e.g. '/restapis/{restApiId}/resources/{resourceId}'. Matched segment by segment; {name+} matches the rest. */
  path: string;
  /** The AWS operation name, for the request log and fault injection: 'GetResources'. */
  operation: string;
  handler(input: RestInput, ctx: RequestContext): Promise<RestOutput> | RestOutput;
}

export interface RestJsonService {
  routes: RestRoute[];
}

/** A service whose state survives a restart with --state-dir. State must be plain JSON. */
export interface Persistable {
  exportState(): unknown;
  importState(state: unknown): void;
}

/**
 * The record stored under a name the caller chose, or undefined: only own keys count, so names such as
 * `constructor` or `toString` are found only when they were stored.
 */
export function own<T>(records: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(records, key) ? records[key] : undefined;
}

/** State kept per account and region, as AWS keeps resources. */
export class ScopedState<T> {
  private readonly scopes = new Map<string, T>();
  constructor(private readonly create: () => T) {}

  get(ctx: Pick<RequestContext, 'accountId' | 'region'>): T {
    const key = `${ctx.accountId}/${ctx.region}`;
    let state = this.scopes.get(key);
    if (!state) {
      state = this.create();
      this.scopes.set(key, state);
    }
    return state;
  }

  entries(): IterableIterator<[string, T]> {
    return this.scopes.entries();
  }

  toJSON(): Record<string, T> {
    return Object.fromEntries(this.scopes);
  }

  load(json: Record<string, T>): void {
    this.scopes.clear();
    for (const [key, value] of Object.entries(json)) this.scopes.set(key, value);
  }
}

export function newRequestId(): string {
  return randomUUID();
}
