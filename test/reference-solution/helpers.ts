// Shared set-up for the reference solution's tests: a sandbox, a config for one of its accounts, and
// read-backs of the lab's resources by the lab's names (what a grader or a learner would look at).
import { GetResourcesCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import type { ReferenceClients } from '../../reference-solution/clients.js';
import type { ReferenceConfig } from '../../reference-solution/config.js';
import type { LabSpec } from '../../src/lab/types.js';
import { referenceConfigFor } from '../../src/demo/sandbox-account.js';

export const REGION = 'us-east-1';
/** 12 digits: the sandbox's account of that number. */
export const ACCOUNT = '000000000000';

/** The sandbox the lab's tests deploy into; their many pools share signing keys (see CognitoServiceOptions). */
export function labSandbox(fidelity?: SandboxOptions['fidelity']): Promise<RunningSandbox> {
  return startSandbox({ port: 0, host: '127.0.0.1', signingKeys: 'shared', ...(fidelity ? { fidelity } : {}) });
}

export interface CollectedLog {
  lines: string[];
  log: (line: string) => void;
}

export function collectLog(): CollectedLog {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

export function sandboxConfig(sandbox: RunningSandbox, account = ACCOUNT, log?: (line: string) => void): ReferenceConfig {
  return { ...referenceConfigFor({ endpoint: sandbox.url, accountId: account, region: REGION }), ...(log ? { log } : {}) };
}

/** The lab's resources as found by name: empty lists / false where there are none. */
export async function labResources(clients: ReferenceClients, lab: LabSpec) {
  const pools = ((await clients.cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []).filter((pool) => pool.Name === lab.names.userPool);
  const apis = ((await clients.apigateway.send(new GetRestApisCommand({ limit: 500 }))).items ?? []).filter((api) => api.name === lab.names.api);
  const functionExists = await clients.lambda.send(new GetFunctionCommand({ FunctionName: lab.names.function })).then(
    () => true,
    (error: Error) => (error.name === 'ResourceNotFoundException' ? false : Promise.reject(error)),
  );
  const roleExists = await clients.iam.send(new GetRoleCommand({ RoleName: lab.names.role })).then(
    () => true,
    (error: Error) => (error.name === 'NoSuchEntityException' ? false : Promise.reject(error)),
  );
  return { poolIds: pools.map((pool) => pool.Id), apiIds: apis.map((api) => api.id), functionExists, roleExists };
}

/** The path -> resource map of an API, methods embedded. */
export async function resourcesByPath(clients: ReferenceClients, restApiId: string) {
  const items = (await clients.apigateway.send(new GetResourcesCommand({ restApiId, embed: ['methods'], limit: 500 }))).items ?? [];
  return new Map(items.map((item) => [item.path, item]));
}
