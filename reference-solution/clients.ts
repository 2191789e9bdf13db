// The SDK clients the reference solution deploys with: one endpoint, one set of credentials, and timeouts
// on every call (the SDK's default handler has none); the SDK's standard retry backs off on throttling.
// The creates AWS does not make idempotent go through twins without the SDK's retry (deploy/create-once.ts).
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import { createHttpHandler } from '../src/target/http-handler.js';
import type { ReferenceConfig } from './config.js';

export interface ReferenceClients {
  cognito: CognitoIdentityProviderClient;
  apigateway: APIGatewayClient;
  lambda: LambdaClient;
  iam: IAMClient;
  sts: STSClient;
  /** The same services without the SDK's retry: a create retried after a lost answer would make a second resource. */
  once: {
    cognito: CognitoIdentityProviderClient;
    apigateway: APIGatewayClient;
    lambda: LambdaClient;
    iam: IAMClient;
  };
}

/** CreateFunction uploads the zip, so the request timeout is longer than the grader's. */
/** CreateFunction uploads the zip, so the request timeout is longer than the grader's. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 3_000;
const MAX_ATTEMPTS = 5;

export function createReferenceClients(config: ReferenceConfig): ReferenceClients {
  const requestMs = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const common = (maxAttempts: number) => ({
    region: config.region,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
    requestHandler: createHttpHandler({ connectionMs: Math.min(CONNECTION_TIMEOUT_MS, requestMs), requestMs }),
    retryMode: 'standard',
    maxAttempts,
  });
  return {
    cognito: new CognitoIdentityProviderClient(common(MAX_ATTEMPTS)),
    apigateway: new APIGatewayClient(common(MAX_ATTEMPTS)),
    lambda: new LambdaClient(common(MAX_ATTEMPTS)),
    iam: new IAMClient(common(MAX_ATTEMPTS)),
    sts: new STSClient(common(MAX_ATTEMPTS)),
    once: {
      cognito: new CognitoIdentityProviderClient(common(1)),
      apigateway: new APIGatewayClient(common(1)),
      lambda: new LambdaClient(common(1)),
      iam: new IAMClient(common(1)),
    },
  };
}

/** Closes keep-alive sockets so a finished run does not hold the process open. */
export function destroyReferenceClients(clients: ReferenceClients): void {
  const { once, ...retrying } = clients;
  for (const client of [...Object.values(retrying), ...Object.values(once)]) client.destroy();
}

/** Runs `use` with fresh clients and always closes them. */
export async function withReferenceClients<T>(config: ReferenceConfig, use: (clients: ReferenceClients) => Promise<T>): Promise<T> {
  const clients = createReferenceClients(config);
  try {
    return await use(clients);
  } finally {
    destroyReferenceClients(clients);
  }
}
