// What the Lambda runner needs to run a stored function: its configuration and zip as a FunctionSpec.

import { createHash } from 'node:crypto';
import { parseArn } from '../../aws/arn-like.js';
import type { FunctionSpec } from '../runner/types.js';
import type { FunctionConfiguration } from './state.js';

export interface StoredFunction {
  configuration: FunctionConfiguration;
  zip: Buffer;
}

/**
 * The runner keeps workers per `key`: the function ARN, the code's sha and every setting a worker is started
 * with, so UpdateFunctionCode / UpdateFunctionConfiguration (or a different timeout cap) get fresh workers.
 * `timeoutSeconds` caps the function's own timeout (API Gateway's integration timeout).
 */
export function functionSpec(fn: StoredFunction, cap: { timeoutSeconds?: number } = {}): FunctionSpec {
  const { configuration } = fn;
  const timeoutSeconds = Math.min(configuration.Timeout, cap.timeoutSeconds ?? Infinity);
  const environment = configuration.Environment?.Variables ?? {};
  const arn = parseArn(configuration.FunctionArn);
  const settings = JSON.stringify([configuration.Runtime, configuration.Handler, configuration.MemorySize, timeoutSeconds, environment]);
  const settingsHash = createHash('sha256').update(settings).digest('hex').slice(0, 16);
  return {
    key: `${configuration.FunctionArn}#${configuration.CodeSha256}#${settingsHash}`,
    runtime: configuration.Runtime ?? '',
    handler: configuration.Handler ?? '',
    zip: fn.zip,
    timeoutSeconds,
    memoryMb: configuration.MemorySize,
    environment,
    functionName: configuration.FunctionName,
    functionArn: configuration.FunctionArn,
    region: arn?.region ?? '',
    accountId: arn?.account ?? '',
  };
}
