import type { Check } from '../src/engine/types.js';
import { listed } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { allowsServicePrincipal, coversAction, isAllow, servicePrincipals } from './support/policy.js';
import { roleGuessed } from './support/role.js';
import { failed, passed } from './support/verdict.js';

const LAMBDA_SERVICE = 'lambda.amazonaws.com';

const check: Check = {
  meta: {
    id: 'execution-role-trust',
    step: 6,
    title: 'Lambda may assume the execution role',
    dependsOn: ['execution-role-exists'],
    severity: 'high',
    kind: 'inspect',
    messages: {
      trusted: 'The trust policy of the role {{roleName}} lets lambda.amazonaws.com assume it.',
      notTrusted: 'The trust policy of the role {{roleName}} lets {{principals}} assume it, but not lambda.amazonaws.com.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: "Replace the role's trust policy with the one from Activity 6.",
      commands: [
        'aws iam update-assume-role-policy --role-name {{roleName}} --policy-document ' +
        `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`],
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
    permissions: ['iam:GetRole'],
  },
  evaluate(snapshot) {
    const role = snapshot.iam.role;
    if (role.state !== 'found') return unobserved(role, `the role ${snapshot.iam.roleName}`);
    const { roleName, trustPolicy } = role.value;
    const assumeStatements = trustPolicy.Statement.filter((statement) => isAllow(statement) && coversAction(statement, 'sts:AssumeRole'));
    const evidence = { trustPolicy };
    if (assumeStatements.some((statement) => allowsServicePrincipal(statement, LAMBDA_SERVICE))) {
      return passed('trusted', { roleName }, evidence);
    }
    const principals = listed([...new Set(assumeStatements.flatMap(servicePrincipals))], 'no one');
    return roleGuessed(snapshot) ?? failed('notTrusted', { roleName, principals }, evidence);
  },
};

export default check;
