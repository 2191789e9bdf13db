// Shared set-up for the probe tests: the lab's Cognito part in a sandbox, and local servers that play API Gateway.
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSandbox } from '../../src/sandbox/index.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '111111111111';
export const USERNAME = 'testuser';
export const PASSWORD = 'MySecurePass123!';
export const TEMP_PASSWORD = 'TempPass123!';

export function cognitoClient(sandbox: RunningSandbox): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: sandbox.url,
    region: REGION,
    credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' },
    maxAttempts: 1,
  });
}

export interface LabPool {
  poolId: string;
  poolArn: string;
  clientId: string;
}

export interface PoolSetup {
  poolName?: string;
  flows?: ExplicitAuthFlowsType[];
  generateSecret?: boolean;
  /** false: the user keeps its temporary password (FORCE_CHANGE_PASSWORD). */
  permanentPassword?: string | false;
}

/** Activities 3 to 5: a pool, an app client and the test user. */
export async function createLabPool(cognito: CognitoIdentityProviderClient, setup: PoolSetup = {}): Promise<LabPool> {
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: setup.poolName ?? 'MyAPIUserPool' }));
  const poolId = UserPool?.Id as string;
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'APIClient',
      ...(setup.flows === undefined ? { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] } : setup.flows.length ? { ExplicitAuthFlows: setup.flows } : {}),
      GenerateSecret: setup.generateSecret ?? false,
    }),
  );
  await cognito.send(
    new AdminCreateUserCommand({ UserPoolId: poolId, Username: USERNAME, TemporaryPassword: TEMP_PASSWORD, MessageAction: 'SUPPRESS' }),
  );
  const permanent = setup.permanentPassword ?? PASSWORD;
  if (permanent !== false) {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: USERNAME, Password: permanent, Permanent: true }));
  }
  return { poolId, poolArn: UserPool?.Arn as string, clientId: UserPoolClient?.ClientId as string };
}

/** A loopback HTTP server; `handle` plays whatever API Gateway (or a broken server) would answer. */
export interface LocalServer {
  url: string;
  port: number;
  /** Every request it received: method, path, headers. */
  requests: IncomingMessage[];
  stop(): Promise<void>;
}

export async function startLocalServer(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** API Gateway's own JSON answer, with the headers every gateway response carries. */
export function gatewayAnswer(response: ServerResponse, status: number, body: string, errorType?: string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-requestid': '8f0a6c51-2d3e-4b7f-9a1c-5e6d7f8a9b01',
    'x-amz-apigw-id': 'Ab1CdEFGoAMEbZw=',
    ...(errorType === undefined ? {} : { 'x-amzn-errortype': errorType }),
  });
  response.end(body);
}
