// The environment a handler sees: the function's variables plus Lambda's own, and nothing else of the
// sandbox process (its credentials and secrets stay out) but PATH.

import { randomBytes } from 'node:crypto';
import type { FunctionSpec } from './types.js';

export function functionEnvironment(fn: FunctionSpec, taskRoot: string, runtimeDir: string): Record<string, string> {
  // One log stream per execution environment, named as Lambda names them.
  const logStream = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomBytes(16).toString('hex')}`;
  return {
    // The function's own variables first: Lambda reserves the keys below, so they win.
    ...fn.environment,
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: runtimeDir,
    _HANDLER: fn.handler,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_REGION: fn.region,
    AWS_DEFAULT_REGION: fn.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStream,
  };
}
