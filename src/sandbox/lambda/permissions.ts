// Lambda resource-based policies: the statement AddPermission builds, in the form GetPolicy returns it.

import { AwsError } from '../service.js';
import type { LambdaInput } from './input.js';

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: '*' | { Service: string } | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

const STATEMENT_ID = /^([a-zA-Z0-9-_.]+)$/;
const ACTION = /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/;

function principalOf(principal: string): PolicyStatement['Principal'] {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith('arn:')) return { AWS: principal };
  return { Service: principal };
}

/** Builds the statement AddPermission stores; `resource` is the (qualified) function ARN. */
export function permissionStatement(input: LambdaInput, resource: string): PolicyStatement {
  const sid = input.requiredString('StatementId', STATEMENT_ID);
  const action = input.requiredString('Action', ACTION);
  const principal = input.requiredString('Principal', /^[^\s]+$/);
  const condition: Record<string, Record<string, string>> = {};
  const add = (operator: string, key: string, value: string | undefined) => {
    if (value !== undefined) condition[operator] = { ...condition[operator], [key]: value };
  };
  add('StringEquals', 'AWS:SourceAccount', input.string('SourceAccount'));
  add('StringEquals', 'aws:PrincipalOrgID', input.string('PrincipalOrgID'));
  add('StringEquals', 'lambda:FunctionUrlAuthType', input.string('FunctionUrlAuthType'));
  add('StringEquals', 'lambda:EventSourceToken', input.string('EventSourceToken'));
  add('ArnLike', 'AWS:SourceArn', input.string('SourceArn'));
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: principalOf(principal),
    Action: action,
    Resource: resource,
    Condition: Object.keys(condition).length ? condition : undefined,
  };
}

export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });
}

export const statementExists = (sid: string) =>
  new AwsError(
    'ResourceConflictException',
    `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    409,
  );
