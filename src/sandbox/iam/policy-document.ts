// IAM policy documents: the checks IAM makes when one is stored, and the encoding IAM returns it in.

import { AwsError } from '../service.js';

export interface PolicyStatement {
  Sid?: string;
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

const malformed = (message: string) => new AwsError('MalformedPolicyDocument', message);

export const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Parses a document IAM would accept; `kind` decides which fields a statement must or must not have. */
export function parsePolicyDocument(text: string, kind: 'trust' | 'identity'): PolicyDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed('Syntax errors in policy.');
  const document = value as { Version?: unknown; Statement?: unknown };
  if (document.Version !== undefined && document.Version !== '2012-10-17' && document.Version !== '2008-10-17') {
    throw malformed('The policy failed legacy parsing');
  }
  const statements = asList(document.Statement);
  if (statements.length === 0) throw malformed('Syntax errors in policy.');
  for (const statement of statements) {
    if (typeof statement !== 'object' || statement === null) throw malformed('Syntax errors in policy.');
    const s = statement as PolicyStatement;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed(`Invalid effect: ${String(s.Effect)}`);
    if (s.Action === undefined && !('NotAction' in s)) throw malformed('Policy statement must contain actions.');
    if (kind === 'trust') {
      if (s.Resource !== undefined) throw malformed('Has prohibited field Resource');
      if (s.Principal === undefined && !('NotPrincipal' in s)) throw malformed('Missing required field Principal');
      checkPrincipal(s.Principal);
    } else {
      if (s.Principal !== undefined) throw malformed('Policy document should not specify a principal.');
      if (s.Resource === undefined && !('NotResource' in s)) throw malformed('Policy statement must contain resources.');
    }
  }
  return { Version: document.Version as string | undefined, Statement: statements as PolicyStatement[] };
}

const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws:(iam::\d{12}:(root|user\/.+|role\/.+)|sts::\d{12}:assumed-role\/.+))$/;

function checkPrincipal(principal: unknown): void {
  if (principal === undefined || principal === '*') return;
  if (typeof principal !== 'object' || principal === null) throw malformed(`Invalid principal in policy: ${JSON.stringify(principal)}`);
  for (const [type, values] of Object.entries(principal)) {
    for (const value of asList(values)) {
      const valid =
        typeof value === 'string' &&
        (type === 'AWS' ? AWS_PRINCIPAL.test(value) : type === 'Service' ? /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(value) : type === 'Federated' || type === 'CanonicalUser');
      if (!valid) throw malformed(`Invalid principal in policy: "${type}":${JSON.stringify(value)}`);
    }
  }
}

/** IAM returns policy documents URL-encoded per RFC 3986; botocore decodes them, the JS SDK does not. */
export function encodePolicyDocument(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
