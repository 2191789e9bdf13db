// STS (awsQuery): who am I, and AssumeRole with the role's trust policy and ExternalId enforced. Keys it
// issues are remembered (not their secrets) so later requests signed with them act in the role's account.

import { randomBytes } from 'node:crypto';
import { AwsError, type Persistable, type RequestContext } from '../service.js';
import { validationError, type QueryService } from '../protocols/query.js';
import type { IssuedKeyLookup } from '../accounts.js';
import type { IamDirectory } from '../iam/index.js';
import { trustAllows } from '../iam/trust-policy.js';
import { awsId, isoSeconds } from '../ids.js';

interface RoleSession {
  accountId: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  expiration: string;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export function createStsService(iam: IamDirectory): QueryService & Persistable & IssuedKeyLookup {
  let sessions: Record<string, RoleSession> = {};

  const sessionOf = (ctx: RequestContext) => (ctx.accessKeyId ? sessions[ctx.accessKeyId] : undefined);

  function callerArn(ctx: RequestContext): string {
    const session = sessionOf(ctx);
    return session
      ? `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`
      : `arn:aws:iam::${ctx.accountId}:root`;
  }

  /** The principal values a trust policy may name to mean this caller. */
  function callerPrincipals(ctx: RequestContext): string[] {
    const session = sessionOf(ctx);
    const accountPrincipals = [ctx.accountId, `arn:aws:iam::${ctx.accountId}:root`];
    if (!session) return accountPrincipals;
    const role = iam.findRole(session.accountId, session.roleName);
    return [...accountPrincipals, callerArn(ctx), ...(role ? [role.Arn] : [])];
  }

  return {
    issuedKey: (accessKeyId) => sessions[accessKeyId],

    exportState: () => ({ sessions }),
    importState: (json) => {
      sessions = (json as { sessions?: Record<string, RoleSession> }).sessions ?? {};
    },

    actions: {
      GetCallerIdentity(_params, ctx) {
        const session = sessionOf(ctx);
        return { UserId: session ? `${session.roleId}:${session.sessionName}` : ctx.accountId, Account: ctx.accountId, Arn: callerArn(ctx) };
      },

      AssumeRole(params, ctx) {
        const roleArn = params.required('RoleArn');
        const sessionName = params.required('RoleSessionName');
        if (sessionName.length < 2) throw validationError('RoleSessionName', sessionName, 'Member must have length greater than or equal to 2');
        if (sessionName.length > 64) throw validationError('RoleSessionName', sessionName, 'Member must have length less than or equal to 64');
        if (!SESSION_NAME.test(sessionName)) throw validationError('RoleSessionName', sessionName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
        const externalId = params.optional('ExternalId');
        if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
          throw validationError('ExternalId', externalId, 'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*');
        }
        const duration = params.integer('DurationSeconds', 900, 43200) ?? 3600;
        const arnMatch = ROLE_ARN.exec(roleArn);
        if (!arnMatch) throw new AwsError('ValidationError', `${roleArn} is invalid`);
        const [, roleAccount = '', roleName = ''] = arnMatch;
        const role = iam.findRole(roleAccount, roleName);
        const context: Record<string, string> = { 'aws:principalaccount': ctx.accountId, 'sts:rolesessionname': sessionName };
        if (externalId !== undefined) context['sts:externalid'] = externalId;
        if (!role || !trustAllows(role.AssumeRolePolicyDocument, { principals: { AWS: callerPrincipals(ctx) }, context })) {
          throw new AwsError('AccessDenied', `User: ${callerArn(ctx)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
        }
        if (duration > role.MaxSessionDuration) {
          throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
        }
        const accessKeyId = awsId('ASIA', 16);
        const expiration = new Date(ctx.now.getTime() + duration * 1000);
        sessions[accessKeyId] = { accountId: roleAccount, roleName: role.RoleName, roleId: role.RoleId, sessionName, expiration: expiration.toISOString() };
        return {
          Credentials: {
            AccessKeyId: accessKeyId,
            SecretAccessKey: randomBytes(30).toString('base64'),
            SessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`,
            Expiration: isoSeconds(expiration),
          },
          AssumedRoleUser: {
            AssumedRoleId: `${role.RoleId}:${sessionName}`,
            Arn: `arn:aws:sts::${roleAccount}:assumed-role/${role.RoleName}/${sessionName}`,
          },
        };
      },
    },
  };
}
