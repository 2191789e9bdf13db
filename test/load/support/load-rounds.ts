// Rounds of concurrent load on a sandbox: many clients at once, each sending a fixed number of requests that
// cycle through the grader's control-plane calls (ListUserPools, GetRestApis, GetFunction, InitiateAuth) and
// the data plane (an authorized GET /hello, a warm Lambda). Each request's status and latency are recorded;
// between rounds the sandbox's memory is read after a full GC. Shared by the load test and bench-load.
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient, InitiateAuthCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { deployReferenceSolution } from '../../../reference-solution/deploy/index.js';
import type { ReferenceOutputs } from '../../../reference-solution/config.js';
import { referenceConfigFor } from '../../../src/demo/index.js';
import type { MeasuredSandbox } from './sandbox-process.js';
import { loadLabSpec } from '../../../checks/index.js';

export const LOAD_ACCOUNT = '420000000000';

export interface LoadShape {
  rounds: number;
  clients: number;
  requestsPerClient: number;
}

export interface RoundResult {
  requests: number;
  /** "<kind>: <what went wrong>" for every request that did not get its expected answer. */
  failures: string[];
  seconds: number;
  latenciesMs: number[];
  heapUsedBytes: number;
  rssBytes: number;
}

/** The lab deployed in the load account, and an ID token for the data plane. */
export interface LoadTarget {
  endpoint: string;
  lab: ReferenceOutputs;
  username: string;
  password: string;
  idToken: string;
}

export async function prepareLoadTarget(endpoint: string): Promise<LoadTarget> {
  const spec = await loadLabSpec();
  const lab = await deployReferenceSolution({ ...referenceConfigFor({ endpoint, accountId: LOAD_ACCOUNT }), log: () => {} });
  const cognito = new CognitoIdentityProviderClient(clientConfig(endpoint));
  try {
    const signedIn = await cognito.send(signInCommand(lab.clientId, spec.names.username, spec.password));
    const idToken = signedIn.AuthenticationResult?.IdToken;
    if (!idToken) throw new Error('the lab user got no ID token');
    return { endpoint, lab, username: spec.names.username, password: spec.password, idToken };
  } finally {
    cognito.destroy();
  }
}

/** Past this, a request counts as hung. */
const REQUEST_TIMEOUT_MS = 30_000;

function clientConfig(endpoint: string) {
  return {
    ...referenceConfigFor({ endpoint, accountId: LOAD_ACCOUNT }),
    // One attempt: a retried request would hide an error.
    maxAttempts: 1,
    // A connection per request. Node's agent would reuse a socket idle for the sandbox's 5 s keep-alive just as
    // the sandbox closes it ("socket hang up"): a race on the client's side, not an answer of the sandbox.
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: false }), connectionTimeout: REQUEST_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true }),
  };
}

function signInCommand(clientId: string, username: string, password: string): InitiateAuthCommand {
  return new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
}

type Kind = 'ListUserPools' | 'GetRestApis' | 'GetFunction' | 'InitiateAuth' | 'GET /hello';

/**
 * Each client's requests, in turn. The sign-in is one in ten: the sandbox hashes the password with scrypt,
 * CPU work that would otherwise set the pace of every round. Half are data-plane calls.
 */
export const REQUEST_CYCLE: readonly Kind[] = [
  'ListUserPools', 'GET /hello', 'GetRestApis', 'GET /hello', 'GetFunction', 'GET /hello', 'ListUserPools', 'GET /hello', 'InitiateAuth', 'GET /hello',
];

/** One simulated client: its own SDK clients, and a request of each kind that checks its answer. */
function loadClient(target: LoadTarget): { requests: Record<Kind, () => Promise<void>>; destroy(): void } {
  const config = clientConfig(target.endpoint);
  const cognito = new CognitoIdentityProviderClient(config);
  const apigateway = new APIGatewayClient(config);
  const lambda = new LambdaClient(config);
  const expect = (ok: boolean, what: string): void => {
    if (!ok) throw new Error(what);
  };
  return {
    requests: {
      ListUserPools: async () => expect(((await cognito.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools ?? []).length > 0, 'no pool listed'),
      GetRestApis: async () => expect(((await apigateway.send(new GetRestApisCommand({}))).items ?? []).length > 0, 'no API listed'),
      GetFunction: async () => expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }))).Configuration !== undefined, 'no configuration'),
      InitiateAuth: async () =>
        expect((await cognito.send(signInCommand(target.lab.clientId, target.username, target.password))).AuthenticationResult?.IdToken !== undefined, 'no ID token'),
      'GET /hello': async () => {
        const response = await fetch(target.lab.helloUrl, { headers: { authorization: `Bearer ${target.idToken}` }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        const body = await response.text();
        expect(response.status === 200, `status ${response.status}: ${body.slice(0, 200)}`);
      },
    },
    destroy: () => [cognito, apigateway, lambda].forEach((client) => client.destroy()),
  };
}

async function runRound(target: LoadTarget, shape: LoadShape): Promise<Omit<RoundResult, 'heapUsedBytes' | 'rssBytes'>> {
  const failures: string[] = [];
  const latenciesMs: number[] = [];
  const clients = Array.from({ length: shape.clients }, () => loadClient(target));
  const started = performance.now();
  try {
    await Promise.all(
      clients.map(async (client, clientIndex) => {
        for (let i = 0; i < shape.requestsPerClient; i++) {
          // Clients start at different points of the cycle, so every kind of request is in flight at once.
          const kind = REQUEST_CYCLE[(clientIndex + i) % REQUEST_CYCLE.length] as Kind;
          const sent = performance.now();
          try {
            await client.requests[kind]();
          } catch (error) {
            failures.push(`${kind}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
          }
          latenciesMs.push(performance.now() - sent);
        }
      }),
    );
  } finally {
    clients.forEach((client) => client.destroy());
  }
  return { requests: shape.clients * shape.requestsPerClient, failures, seconds: (performance.now() - started) / 1000, latenciesMs };
}

/** Every round, with the sandbox's memory after a full GC at its end. */
export async function runLoadRounds(sandbox: MeasuredSandbox, target: LoadTarget, shape: LoadShape): Promise<RoundResult[]> {
  const results: RoundResult[] = [];
  for (let round = 0; round < shape.rounds; round++) {
    const result = await runRound(target, shape);
    const memory = await sandbox.memory();
    results.push({ ...result, heapUsedBytes: memory.heapUsed, rssBytes: memory.rss });
  }
  return results;
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}
