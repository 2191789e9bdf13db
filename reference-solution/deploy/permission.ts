// Activity 9 (Lambda): the function's resource policy lets API Gateway invoke it from this API only.
// A statement of the lab's id that says something else (another API) is removed and added again.
import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { isDeepStrictEqual } from 'node:util';
import { unlessNotFound } from '../aws-errors.js';
import { logOutcome, type ReferenceContext, type Outcome } from '../context.js';

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
  const policy = await unlessNotFound(lambda.send(new GetPolicyCommand({ FunctionName })), 'ResourceNotFoundException');
  const statements = (JSON.parse(policy?.Policy ?? '{"Statement":[]}') as { Statement: PolicyStatement[] }).Statement;
  const existing = statements.find((statement) => statement.Sid === StatementId);
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
    await lambda.send(
      new AddPermissionCommand({ FunctionName, StatementId, Action: 'lambda:InvokeFunction', Principal: API_GATEWAY_PRINCIPAL, SourceArn }),
    );
    outcome = existing ? 'updated' : 'created';
  }
  logOutcome(ctx, `permission ${StatementId} on ${FunctionName}`, outcome, SourceArn);
}
