import type { Check } from '../src/engine/types.js';
import { parseArn } from '../src/aws/arn-like.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

/** The role name in arn:aws:iam::<account>:role/<path/>name. */
function roleNameOf(roleArn: string): string {
  const resource = parseArn(roleArn)?.resource ?? roleArn;
  return resource.slice(resource.lastIndexOf('/') + 1);
}

const check: Check = {
  meta: {
    id: 'function-role',
    step: 6,
    title: "The function runs as the lab's execution role",
    dependsOn: ['function-exists'],
    severity: 'medium',
    kind: 'inspect',
    messages: {
      labRole: 'The function runs as the role {{roleName}}.',
      otherRole: 'The function runs as the role {{roleName}}, not {{names.role}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Give the function the role created in Activity 6.',
      commands: ['aws lambda update-function-configuration --function-name {{functionName}} --role arn:aws:iam::{{accountId}}:role/{{names.role}} --region {{region}}'],
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
    permissions: ['lambda:GetFunction'],
  },
  evaluate(snapshot, lab) {
    const fn = snapshot.lambda.function;
    if (fn.state !== 'found') return unobserved(fn, 'the Lambda function');
    const roleName = roleNameOf(fn.value.role);
    const data = { functionName: fn.value.functionName, roleName };
    return roleName === lab.names.role ? passed('labRole', data, { role: fn.value.role }) : failed('otherRole', data, { role: fn.value.role });
  },
};

export default check;
