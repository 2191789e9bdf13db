import type { Check } from '../src/engine/types.js';
import { listed } from './support/format.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { roleGuessed } from './support/role.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'execution-role-basic-policy',
    step: 6,
    title: 'The execution role has AWSLambdaBasicExecutionRole',
    dependsOn: ['execution-role-exists'],
    severity: 'medium',
    kind: 'inspect',
    messages: {
      attached: 'The role {{roleName}} has {{policyName}} attached.',
      notAttached: 'The role {{roleName}} has {{attached}} attached, but not {{policyName}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Attach the managed policy that lets the function write its logs, as in Activity 6.',
      commands: ['aws iam attach-role-policy --role-name {{roleName}} --policy-arn {{expected.basicExecutionPolicyArn}}'],
    },
    docs: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html',
    permissions: ['iam:ListAttachedRolePolicies'],
  },
  evaluate(snapshot, lab) {
    const { roleName, attachedPolicies } = snapshot.iam;
    if (!seen(attachedPolicies)) return unobserved(attachedPolicies, `the policies attached to the role ${roleName}`);
    const policies = attachedPolicies.state === 'found' ? attachedPolicies.value : [];
    const wanted = lab.expected.basicExecutionPolicyArn;
    const policyName = wanted.slice(wanted.lastIndexOf('/') + 1);
    const evidence = { attachedPolicies: policies.map((policy) => policy.policyArn) };
    if (policies.some((policy) => policy.policyArn === wanted)) return passed('attached', { roleName, policyName }, evidence);
    const attached = listed(policies.map((policy) => policy.policyName), 'no managed policies');
    return roleGuessed(snapshot) ?? failed('notAttached', { roleName, policyName, attached }, evidence);
  },
};

export default check;
