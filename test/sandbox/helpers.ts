// Shared set-up for the sandbox tests: a sandbox on a free port and SDK clients pointed at it.

import { zipSync, strToU8 } from 'fflate';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export const ACCOUNT_A = '111111111111';
export const ACCOUNT_B = '222222222222';

export const LAMBDA_SOURCE = `import json

def lambda_handler(event, context):
    return {'statusCode': 200, 'body': json.dumps({'message': 'Hello from secured API!'})}
`;

export function labZip(): Uint8Array {
  return zipSync({ 'lambda_function.py': strToU8(LAMBDA_SOURCE) });
}

export function lambdaTrustPolicy(): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
}

export function sandboxOn(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, host: '127.0.0.1', ...options });
}

/** Client config for account `accessKeyId` (12 digits = that account). No retries: tests see every answer. */
export function clientConfig(sandbox: RunningSandbox, accessKeyId = ACCOUNT_A, extra: { sessionToken?: string; secretAccessKey?: string } = {}) {
  return {
    endpoint: sandbox.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey: extra.secretAccessKey ?? 'x', sessionToken: extra.sessionToken },
  };
}

/** The AWS error code and HTTP status an SDK call failed with. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, it succeeded');
}
