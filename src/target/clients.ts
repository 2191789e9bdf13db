// The five SDK clients grading uses, all configured from one Target: endpoint, credentials, timeouts and size
// limits, a retry that backs off on throttling within a time budget, the read-only guard, and any rate limits.
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import { createHttpHandler } from './http-handler.js';
import { rateLimiter, type RateLimits } from './rate-limits.js';
import { readOnlyGuard } from './read-only-guard.js';
import { budgetedRetry } from './retry-budget.js';
import type { Target } from './target.js';

export interface GradingClients {
  cognito: CognitoIdentityProviderClient;
  apigateway: APIGatewayClient;
  lambda: LambdaClient;
  iam: IAMClient;
  sts: STSClient;
}

export type { RateLimit, RateLimits } from './rate-limits.js';

export interface ClientOptions {
  rateLimits?: RateLimits;
  /** The grade's deadline: ends the calls in flight and fails any new one. */
  stop?: AbortSignal;
}

export function createGradingClients(target: Target, options: ClientOptions = {}): GradingClients {
  const { stop } = options;
  const config = () => ({
    region: target.region,
    ...(target.endpoint === null ? {} : { endpoint: target.endpoint }),
    credentials: target.credentials,
    requestHandler: createHttpHandler(target.timeouts, stop),
    retryStrategy: budgetedRetry(target.retry.maxAttempts, target.timeouts.requestMs),
    maxAttempts: target.retry.maxAttempts,
  });
  const clients: GradingClients = {
    cognito: new CognitoIdentityProviderClient(config()),
    apigateway: new APIGatewayClient(config()),
    lambda: new LambdaClient(config()),
    iam: new IAMClient(config()),
    sts: new STSClient(config()),
  };
  for (const [service, client] of Object.entries(clients)) {
    client.middlewareStack.use(readOnlyGuard);
    if (options.rateLimits) client.middlewareStack.use(rateLimiter(service, options.rateLimits));
  }
  return clients;
}

/** Closes the clients' keep-alive sockets, so a finished grade does not hold the process open. */
export function destroyGradingClients(clients: GradingClients): void {
  for (const client of Object.values(clients)) client.destroy();
}
