// The SDK clients the reference solution deploys with: one endpoint, one set of credentials, and timeouts
// on every call (the SDK's default handler has none); the SDK's standard retry backs off on throttling.
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
}

/** CreateFunction uploads the zip, so the request timeout is longer than the grader's. */
const TIMEOUTS = { connectionMs: 3_000, requestMs: 30_000 };
const MAX_ATTEMPTS = 5;

export function createReferenceClients(config: ReferenceConfig): ReferenceClients {
  const common = () => ({
    region: config.region,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
    requestHandler: createHttpHandler(TIMEOUTS),
    retryMode: 'standard',
    maxAttempts: MAX_ATTEMPTS,
  });
  return {
    cognito: new CognitoIdentityProviderClient(common()),
    apigateway: new APIGatewayClient(common()),
    lambda: new LambdaClient(common()),
    iam: new IAMClient(common()),
    sts: new STSClient(common()),
  };
}

/** Closes keep-alive sockets so a finished run does not hold the process open. */
export function destroyReferenceClients(clients: ReferenceClients): void {
  for (const client of Object.values(clients)) client.destroy();
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
