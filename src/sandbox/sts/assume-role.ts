// AssumeRole, with the role's trust policy (and its ExternalId and other conditions) enforced.

import { randomBytes } from 'node:crypto';
import type { IamDirectory } from '../iam/state.js';
import { trustAllows } from '../iam/trust-policy.js';
import { awsId, isoSeconds } from '../ids.js';
import { validationError, type QueryAction } from '../protocols/query.js';
import { AwsError } from '../service.js';
import { callerArn, callerPrincipals } from './identity.js';
import type { StsState } from './state.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export function assumeRoleActions(state: StsState, iam: IamDirectory): Record<string, QueryAction> {
  return {
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
      if (!role || !trustAllows(role.AssumeRolePolicyDocument, { principals: { AWS: callerPrincipals(state, iam, ctx) }, context })) {
        throw new AwsError('AccessDenied', `User: ${callerArn(state, ctx)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
      }
      if (duration > role.MaxSessionDuration) {
        throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
      }
      const accessKeyId = awsId('ASIA', 16);
      const expiration = new Date(ctx.now.getTime() + duration * 1000);
      state.add(accessKeyId, { accountId: roleAccount, roleName: role.RoleName, roleId: role.RoleId, sessionName, expiration: expiration.toISOString() });
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
  };
}
