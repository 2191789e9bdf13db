// Who the caller is: GetCallerIdentity, and the ARN and principals AssumeRole checks a trust policy against.

import { queryActions } from '../iam/input.js';
import type { IamDirectory } from '../iam/state.js';
import type { QueryAction } from '../protocols/query.js';
import type { RequestContext } from '../service.js';
import type { StsState } from './state.js';

export function callerArn(state: StsState, ctx: RequestContext): string {
  const session = state.session(ctx.accessKeyId);
  return session
    ? `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`
    : `arn:aws:iam::${ctx.accountId}:root`;
}

/** The principal values a trust policy may name to mean this caller. */
export function callerPrincipals(state: StsState, iam: IamDirectory, ctx: RequestContext): string[] {
  const session = state.session(ctx.accessKeyId);
  const accountPrincipals = [ctx.accountId, `arn:aws:iam::${ctx.accountId}:root`];
  if (!session) return accountPrincipals;
  const role = iam.findRole(session.accountId, session.roleName);
  return [...accountPrincipals, callerArn(state, ctx), ...(role ? [role.Arn] : [])];
}

export function identityActions(state: StsState): Record<string, QueryAction> {
  return queryActions({
    GetCallerIdentity(_input, ctx) {
      const session = state.session(ctx.accessKeyId);
      return { UserId: session ? `${session.roleId}:${session.sessionName}` : ctx.accountId, Account: ctx.accountId, Arn: callerArn(state, ctx) };
    },
  });
}
