// Whether a role's trust policy lets a principal assume it: the part of IAM's evaluation that AssumeRole
// and Lambda's "can the role be assumed" check need. No identity policies exist here, so an Allow for the
// caller's account (root) is enough, as it is for an administrator in AWS.

import { conditionTest } from '../../aws/condition-operators.js';
import { asList, parsePolicyDocument, type PolicyStatement } from './policy-document.js';

export interface AssumeRequest {
  /** Every principal value the caller matches: "123456789012", "arn:aws:iam::123456789012:root", a role ARN... */
  principals: { AWS?: string[]; Service?: string[] };
  /** Condition keys, lower-cased: sts:externalid, aws:sourceaccount. */
  context: Record<string, string>;
}

const ACTION = /^(sts:assumerole|sts:\*|\*)$/i;

function principalMatches(statement: PolicyStatement, request: AssumeRequest): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  return Object.entries(principal).some(([type, values]) => {
    const candidates = request.principals[type as keyof AssumeRequest['principals']] ?? [];
    return asList(values).some((value) => value === '*' || candidates.includes(value as string));
  });
}

/** Every condition must hold; an operator this sandbox does not know never holds (it fails closed). */
function conditionsHold(statement: PolicyStatement, request: AssumeRequest): boolean {
  const condition = statement.Condition;
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.entries(condition).every(([operator, keys]) => {
    const test = conditionTest(operator);
    if (!test || typeof keys !== 'object' || keys === null) return false;
    return Object.entries(keys).every(([key, expected]) => {
      const name = key.toLowerCase();
      const actual = Object.hasOwn(request.context, name) ? request.context[name] : undefined;
      return actual !== undefined && asList(expected).some((value) => test(actual, String(value)));
    });
  });
}

export function trustAllows(documentText: string, request: AssumeRequest): boolean {
  let statements: PolicyStatement[];
  try {
    statements = parsePolicyDocument(documentText, 'trust').Statement;
  } catch {
    return false;
  }
  const applies = (s: PolicyStatement) =>
    asList(s.Action).some((action) => typeof action === 'string' && ACTION.test(action)) &&
    principalMatches(s, request) &&
    conditionsHold(s, request);
  return statements.some((s) => s.Effect === 'Allow' && applies(s)) && !statements.some((s) => s.Effect === 'Deny' && applies(s));
}
