// Whether a function's resource policy lets API Gateway invoke it for this request: an Allow statement for
// the apigateway.amazonaws.com service (or anyone), an action covering lambda:InvokeFunction, and every
// condition holding for the request's execute-api ARN and the API's account. Without one, API Gateway
// answers 500 (AWS-FACTS §1).

import { conditionTest } from '../../aws/condition-operators.js';
import { globMatches } from '../../aws/glob.js';
import type { PolicyStatement } from '../lambda/permissions.js';

export interface InvokeSource {
  /** arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path without leading slash> */
  sourceArn: string;
  sourceAccount: string;
}

const SERVICE = 'apigateway.amazonaws.com';

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function principalAllows(principal: PolicyStatement['Principal']): boolean {
  if (principal === '*') return true;
  if ('Service' in principal) return asList(principal.Service).includes(SERVICE);
  return asList(principal.AWS).includes('*');
}

function actionAllows(action: PolicyStatement['Action']): boolean {
  return asList(action).some((pattern) => typeof pattern === 'string' && globMatches(pattern, 'lambda:InvokeFunction', { ignoreCase: true }));
}

/** Condition keys are case-insensitive; a key or operator this check does not know never holds. */
function conditionsHold(condition: PolicyStatement['Condition'], source: InvokeSource): boolean {
  const context: Record<string, string> = { 'aws:sourcearn': source.sourceArn, 'aws:sourceaccount': source.sourceAccount };
  return Object.entries(condition ?? {}).every(([operator, keys]) => {
    const test = conditionTest(operator);
    return (
      test !== undefined &&
      Object.entries(keys).every(([key, expected]) => {
        const name = key.toLowerCase();
        const actual = Object.hasOwn(context, name) ? context[name] : undefined;
        return actual !== undefined && asList(expected).some((value) => test(actual, String(value)));
      })
    );
  });
}

export function policyAllowsInvoke(policy: readonly PolicyStatement[], source: InvokeSource): boolean {
  return policy.some(
    (statement) => statement.Effect === 'Allow' && principalAllows(statement.Principal) && actionAllows(statement.Action) && conditionsHold(statement.Condition, source),
  );
}
