import type { Check } from '../src/engine/types.js';
import { missingBecause } from './support/missing.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { roleGuessed } from './support/role.js';
import { failed, passed } from './support/verdict.js';

/** Activity 6's role commands (the trust policy is the lab's, verbatim). */
const CREATE_ROLE = [
  'LAMBDA_ROLE_ARN=$(aws iam create-role --role-name {{names.role}} --assume-role-policy-document ' +
    `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' ` +
    "--query 'Role.Arn' --output text)",
  'aws iam attach-role-policy --role-name {{names.role}} --policy-arn {{expected.basicExecutionPolicyArn}}',
];

const check: Check = {
  meta: {
    id: 'execution-role-exists',
    step: 6,
    title: "The Lambda function's execution role exists",
    dependsOn: [],
    severity: 'high',
    kind: 'inspect',
    messages: {
      exists: 'The role {{roleName}} exists ({{roleArn}}).',
      missing: 'There is no IAM role named {{roleName}}.',
      nearMiss: "The role {{nearName}} exists; the lab's name is {{names.role}}.",
      functionRoleMissing: 'The function runs as the role {{roleName}}, which does not exist.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the execution role, trusted by Lambda, and attach AWSLambdaBasicExecutionRole, as in Activity 6.',
      // The lab waits for the new role to reach Lambda before create-function (IAM is eventually consistent).
      commands: [...CREATE_ROLE, 'sleep 10'],
      byMessage: {
        functionRoleMissing: {
          text: 'Create the lab role as in Activity 6, then give it to the function.',
          commands: [
            ...CREATE_ROLE,
            'sleep 10',
            'aws lambda update-function-configuration --function-name {{functionName}} --role "$LAMBDA_ROLE_ARN" --region {{region}}',
          ],
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
    permissions: ['iam:GetRole', 'iam:ListRoles'],
  },
  evaluate(snapshot, lab) {
    const { role, roleName, roleSource } = snapshot.iam;
    if (!seen(role)) return unobserved(role, `the role ${roleName}`);
    if (role.state === 'absent') {
      // The collector followed the function's role ARN: the function points at a role that is gone.
      if (roleSource === 'function') return failed('functionRoleMissing', { roleName }, { roleSource, detail: role.detail });
      // IAM is global: no other region to look in, only other names.
      const elsewhere = { nearMisses: snapshot.iam.roleNearMisses, inRegions: undefined };
      return roleGuessed(snapshot) ?? missingBecause(elsewhere, snapshot, lab) ?? failed('missing', { roleName }, { roleSource, detail: role.detail });
    }
    return passed('exists', { roleName: role.value.roleName, roleArn: role.value.arn });
  },
};

export default check;
