// Activity 9 (Lambda): the function's resource policy lets API Gateway invoke it from this API only.
// A statement of the lab's id that says something else (another API) is removed and added again.
import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { isDeepStrictEqual } from 'node:util';
import { unlessNotFound } from '../aws-errors.js';
import { logOutcome, type ReferenceContext, type Outcome } from '../context.js';
import { createOnce } from './create-once.js';

export const API_GATEWAY_PRINCIPAL = 'apigateway.amazonaws.com';

/** Every stage, method and path of the API: `arn:aws:execute-api:<region>:<account>:<apiId>/*\/*`. */
export function executeApiSourceArn(ctx: Pick<ReferenceContext, 'region' | 'accountId'>, apiId: string): string {
  return `arn:aws:execute-api:${ctx.region}:${ctx.accountId}:${apiId}/*/*`;
}

interface PolicyStatement {
  Sid?: string;
  Principal?: unknown;
  Action?: unknown;
  Condition?: unknown;
}

export async function deployPermission(ctx: ReferenceContext, apiId: string): Promise<void> {
  const { lambda } = ctx.clients;
  const FunctionName = ctx.lab.names.function;
  const StatementId = ctx.lab.names.permissionStatementId;
  const SourceArn = executeApiSourceArn(ctx, apiId);
  const statement = async () => {
    const policy = await unlessNotFound(lambda.send(new GetPolicyCommand({ FunctionName })), 'ResourceNotFoundException');
    const statements = (JSON.parse(policy?.Policy ?? '{"Statement":[]}') as { Statement: PolicyStatement[] }).Statement;
    return statements.find((each) => each.Sid === StatementId);
  };
  const existing = await statement();
  const wanted: PolicyStatement = {
    Sid: StatementId,
    Principal: { Service: API_GATEWAY_PRINCIPAL },
    Action: 'lambda:InvokeFunction',
    Condition: { ArnLike: { 'AWS:SourceArn': SourceArn } },
  };
  let outcome: Outcome = 'reused';
  const same = existing && isDeepStrictEqual({ Sid: existing.Sid, Principal: existing.Principal, Action: existing.Action, Condition: existing.Condition }, wanted);
  if (!same) {
    if (existing) await lambda.send(new RemovePermissionCommand({ FunctionName, StatementId }));
    await createOnce(ctx, {
      what: `permission ${StatementId} on ${FunctionName}`,
      create: async () =>
        (
          await ctx.clients.once.lambda.send(
            new AddPermissionCommand({ FunctionName, StatementId, Action: 'lambda:InvokeFunction', Principal: API_GATEWAY_PRINCIPAL, SourceArn }),
          )
        ).Statement !== undefined,
      findCreated: async () => ((await statement()) === undefined ? undefined : true),
    });
    outcome = existing ? 'updated' : 'created';
  }
  logOutcome(ctx, `permission ${StatementId} on ${FunctionName}`, outcome, SourceArn);
}
