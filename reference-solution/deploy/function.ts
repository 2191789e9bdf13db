// Activity 6 (Lambda): HelloWorldFunction with the lab's handler, on a current Python (the lab's python3.9
// is deprecated and AWS blocks creating functions with it). Right after CreateRole, Lambda cannot assume
// the role for some seconds: that one error is retried, with backoff, and named in the log.
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  type Runtime,
} from '@aws-sdk/client-lambda';
import { unlessNotFound } from '../aws-errors.js';
import { isError, PROPAGATION_DELAYS_MS, retryWhile, type RetryPolicy } from '../retry.js';
import { codeSha256 } from '../zip.js';
import { logOutcome, type ReferenceContext, type Outcome } from '../context.js';
import { createOnce } from './create-once.js';

const ROLE_NOT_ASSUMABLE = 'The role defined for the function cannot be assumed by Lambda.';
/** Lambda takes a few seconds to make a new function Active, or to apply an update, in AWS. */
const WAIT = { maxWaitTime: 120 };

export function rolePropagation(roleName: string): RetryPolicy {
  return {
    waitingFor: `IAM to let Lambda assume the role ${roleName} (propagation after CreateRole)`,
    isRetryable: isError('InvalidParameterValueException', ROLE_NOT_ASSUMABLE),
    delaysMs: PROPAGATION_DELAYS_MS,
  };
}

export interface FunctionSpec {
  functionName: string;
  roleArn: string;
  zip: Uint8Array;
  handler: string;
  runtime: Runtime;
}

/** Creates the function, or brings an existing one to `spec` (code, runtime, handler, role). */
export async function deployFunction(ctx: ReferenceContext, spec: FunctionSpec): Promise<{ functionArn: string }> {
  const { lambda } = ctx.clients;
  const FunctionName = spec.functionName;
  const roleName = spec.roleArn.slice(spec.roleArn.lastIndexOf('/') + 1);
  const getFunction = async () => (await unlessNotFound(lambda.send(new GetFunctionCommand({ FunctionName })), 'ResourceNotFoundException'))?.Configuration;
  const existing = await getFunction();
  let outcome: Outcome = 'reused';
  let functionArn = existing?.FunctionArn;
  if (!existing) {
    const create = () =>
      createOnce(ctx, {
        what: `function ${FunctionName}`,
        create: async () =>
          (
            await ctx.clients.once.lambda.send(
              new CreateFunctionCommand({
                FunctionName,
                Runtime: spec.runtime,
                Role: spec.roleArn,
                Handler: spec.handler,
                Code: { ZipFile: spec.zip },
              }),
            )
          ).FunctionArn,
        findCreated: async () => (await getFunction())?.FunctionArn,
      });
    functionArn = await retryWhile(`CreateFunction ${FunctionName}`, create, rolePropagation(roleName), ctx.log);
    await waitUntilFunctionActiveV2({ client: lambda, ...WAIT }, { FunctionName });
    outcome = 'created';
  } else {
    if (existing.CodeSha256 !== codeSha256(spec.zip)) {
      await lambda.send(new UpdateFunctionCodeCommand({ FunctionName, ZipFile: spec.zip }));
      await waitUntilFunctionUpdatedV2({ client: lambda, ...WAIT }, { FunctionName });
      outcome = 'updated';
    }
    if (existing.Runtime !== spec.runtime || existing.Handler !== spec.handler || existing.Role !== spec.roleArn) {
      const update = () => lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName, Runtime: spec.runtime, Handler: spec.handler, Role: spec.roleArn }));
      await retryWhile(`UpdateFunctionConfiguration ${FunctionName}`, update, rolePropagation(roleName), ctx.log);
      await waitUntilFunctionUpdatedV2({ client: lambda, ...WAIT }, { FunctionName });
      outcome = 'updated';
    }
  }
  if (functionArn === undefined) throw new Error(`Lambda returned no ARN for the function ${FunctionName}`);
  logOutcome(ctx, `function ${FunctionName}`, outcome, functionArn);
  return { functionArn };
}
