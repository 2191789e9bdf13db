// AssumeRole, with the role's trust policy (and its ExternalId and other conditions) enforced.

import { randomBytes } from 'node:crypto';
import { queryActions } from '../iam/input.js';
import type { IamDirectory } from '../iam/state.js';
import { trustAllows } from '../iam/trust-policy.js';
import { awsId, isoSeconds } from '../ids.js';
import type { QueryAction } from '../protocols/query.js';
import { AwsError } from '../service.js';
import { callerArn, callerPrincipals } from './identity.js';
import type { StsState } from './state.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;
const SESSION_NAME = { min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' };
const EXTERNAL_ID = { pattern: /^[\w+=,.@:/-]{2,1224}$/, patternText: '[\\w+=,.@:\\/-]*' };

export function assumeRoleActions(state: StsState, iam: IamDirectory): Record<string, QueryAction> {
  return queryActions({
    AssumeRole(input, ctx) {
      const roleArn = input.requiredString('RoleArn');
      const sessionName = input.requiredString('RoleSessionName', SESSION_NAME);
      const externalId = input.string('ExternalId', EXTERNAL_ID);
      const duration = input.integer('DurationSeconds', { min: 900, max: 43200 }) ?? 3600;
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
  });
}
