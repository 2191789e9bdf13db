// Lambda resource-based policies: AddPermission, GetPolicy, RemovePermission, and the statement AddPermission
// builds, in the form GetPolicy returns it.

import { randomUUID } from 'node:crypto';
import type { Input } from '../input.js';
import { AwsError, type RestRoute } from '../service.js';
import { functionNamed } from './functions.js';
import { lambdaInput } from './input.js';
import { ok, route } from './route.js';
import { assertRevision, type LambdaState, type PolicyStatement } from './state.js';

export type { PolicyStatement } from './state.js';

const STATEMENT_ID = /^([a-zA-Z0-9-_.]+)$/;
const ACTION = /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/;

function principalOf(principal: string): PolicyStatement['Principal'] {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith('arn:')) return { AWS: principal };
  return { Service: principal };
}

/** Builds the statement AddPermission stores; `resource` is the (qualified) function ARN. */
function permissionStatement(input: Input, resource: string): PolicyStatement {
  const sid = input.requiredString('StatementId', { pattern: STATEMENT_ID });
  const action = input.requiredString('Action', { pattern: ACTION });
  const principal = input.requiredString('Principal', { pattern: /^[^\s]+$/ });
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

function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });
}

const statementExists = (sid: string) =>
  new AwsError(
    'ResourceConflictException',
    `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    409,
  );

const noPolicy = () => new AwsError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);

export function permissionRoutes(state: LambdaState): RestRoute[] {
  return [
    route('POST', '/{FunctionName}/policy', 'AddPermission', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      const input = lambdaInput(request.body);
      assertRevision(record, input);
      const qualifier = request.query.get('Qualifier') ?? undefined;
      const statement = permissionStatement(input, `${record.configuration.FunctionArn}${qualifier ? `:${qualifier}` : ''}`);
      if (record.policy.some((existing) => existing.Sid === statement.Sid)) throw statementExists(statement.Sid);
      record.policy.push(statement);
      record.configuration.RevisionId = randomUUID();
      return ok({ Statement: JSON.stringify(statement) }, 201);
    }),

    route('GET', '/{FunctionName}/policy', 'GetPolicy', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      if (record.policy.length === 0) throw noPolicy();
      return ok({ Policy: policyDocument(record.policy), RevisionId: record.configuration.RevisionId });
    }),

    route('DELETE', '/{FunctionName}/policy/{StatementId}', 'RemovePermission', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      const sid = request.params.StatementId ?? '';
      if (!record.policy.some((statement) => statement.Sid === sid)) {
        throw new AwsError('ResourceNotFoundException', `Statement ${sid} is not found in resource policy.`, 404);
      }
      record.policy = record.policy.filter((statement) => statement.Sid !== sid);
      record.configuration.RevisionId = randomUUID();
      return { status: 204 };
    }),
  ];
}
