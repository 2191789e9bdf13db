import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LabSpec } from '../lab/types.js';
import type { Observed, Snapshot } from '../snapshot/types.js';
import { gradeExitCode as exitCodeFor } from '../cli/exit-codes.js';
import { dependencyOrder, gradeSnapshot } from './grade.js';
import type { GradingLab } from './lab.js';
import { renderTemplate, shellWord } from './template.js';
import type { Check, Evaluation } from './types.js';

const skipped: Observed<never> = { state: 'skipped', reason: 'test' };

function emptySnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    schemaVersion: 1,
    takenAt: '2026-01-01T00:00:00.000Z',
    grader: { name: 'lab-grader', version: '0.0.0' },
    lab: { id: 'lab', version: '1' },
    target: { region: 'us-east-1', endpoint: null },
    identity: { state: 'found', value: { account: '123456789012', arn: 'arn:aws:iam::123456789012:root', userId: 'x' } },
    cognito: { pools: skipped, poolChoice: null, pool: skipped, clients: skipped, clientChoice: null, client: skipped, user: skipped },
    iam: { roleName: 'r', roleSource: 'lab-spec', role: skipped, attachedPolicies: skipped },
    lambda: { function: skipped, policy: skipped, integrationFunction: skipped },
    apigateway: { apis: skipped, apiChoice: null, api: skipped, resources: skipped, authorizers: skipped, stages: skipped, deployment: skipped, stageDefinition: skipped },
    probes: {
      state: 'not-run',
      reason: 'test',
      stageUrl: null,
      auth: skipped,
      http: { noToken: skipped, bearerIdToken: skipped, rawIdToken: skipped, accessToken: skipped, forgedToken: skipped },
    },
    notes: ['a note'],
    ...overrides,
  };
}

function lab(points: Record<string, number>): LabSpec {
  return {
    id: 'lab',
    title: 'Lab',
    version: '1',
    region: 'us-east-1',
    names: {
      userPool: 'MyAPIUserPool', appClient: 'APIClient', username: 'testuser', role: 'lambda-execution-role',
      function: 'HelloWorldFunction', api: 'SecureAPI', resourcePath: '/hello', httpMethod: 'GET',
      authorizer: 'CognitoAuthorizer', stage: 'prod', permissionStatementId: 'apigateway-invoke',
    },
    password: 'unused',
    expected: {
      basicExecutionPolicyArn: 'arn', handler: 'h', runtimePattern: '^python3', deprecatedRuntimes: {},
      recommendedRuntime: 'python3.13', identitySource: 'method.request.header.Authorization', responseBody: {},
    },
    points,
  };
}

function check(id: string, dependsOn: string[], evaluate: () => Evaluation, step = 3): Check {
  return {
    meta: {
      id, step, title: `Title ${id}`, dependsOn, severity: 'high', kind: 'inspect',
      messages: { ok: 'fine', bad: 'observed {{value}} in {{names.function}}', note: 'deprecated' },
      remediation: {
        text: 'fix it in {{region}}',
        commands: ['aws apigateway update-method --rest-api-id {{apiId}} --account {{accountId}} --x {{value}}'],
        byMessage: { note: { text: 'consider {{expected.recommendedRuntime}}' } },
      },
      docs: 'https://docs.aws.amazon.com/',
      permissions: [],
    },
    evaluate,
  };
}

/** A lab of the given checks: one activity title, and the IDs a fix command may use (the account from the snapshot). */
function gradingLab(catalogue: Check[]): GradingLab {
  return {
    catalogue,
    stepTitles: { 3: 'Create Cognito User Pool' },
    remediationIds: (snapshot) => ({
      region: snapshot.target.region,
      accountId: snapshot.identity.state === 'found' ? snapshot.identity.value.account : '$ACCOUNT_ID',
      apiId: '$API_ID',
    }),
  };
}

const pass = (): Evaluation => ({ status: 'PASS', messageId: 'ok' });
const fail = (): Evaluation => ({ status: 'FAIL', messageId: 'bad', data: { value: "it's odd" } });
const error = (): Evaluation => ({ status: 'ERROR', messageId: 'bad', data: { value: 'x' } });

describe('gradeSnapshot', () => {
  test('a dependent of a failed check is BLOCKED naming the root cause, through a chain', () => {
    const checks = [check('c', ['b'], pass), check('b', ['a'], pass), check('a', [], fail)];
    const result = gradeSnapshot(emptySnapshot(), lab({ a: 5, b: 3, c: 2 }), gradingLab(checks), { source: 'snapshot' });
    assert.deepEqual(result.checks.map((r) => [r.id, r.status, r.blockedBy]), [
      ['c', 'BLOCKED', 'a'],
      ['b', 'BLOCKED', 'a'],
      ['a', 'FAIL', null],
    ]);
    assert.match(result.checks[0]!.message, /Title a/);
    assert.equal(result.score, 0);
    assert.equal(result.maxScore, 10);
    assert.equal(exitCodeFor(result), 1);
  });

  test('points only on PASS; messages and fixes are rendered with the learner IDs, shell-quoted', () => {
    const checks = [check('a', [], pass), check('b', [], fail)];
    const result = gradeSnapshot(emptySnapshot(), lab({ a: 4, b: 6 }), gradingLab(checks), { source: 'live' });
    assert.equal(result.score, 4);
    const failed = result.checks[1]!;
    assert.equal(failed.message, "observed it's odd in HelloWorldFunction");
    assert.equal(failed.remediation?.text, 'fix it in us-east-1');
    // apiId is unknown: the lab's shell variable stays; the account is known; odd values are quoted.
    assert.deepEqual(failed.remediation?.commands, [`aws apigateway update-method --rest-api-id $API_ID --account 123456789012 --x 'it'\\''s odd'`]);
    assert.equal(result.checks[0]!.remediation, null);
    assert.deepEqual(result.notes, ['a note']);
    assert.deepEqual(result.steps, [{ step: 3, title: 'Activity 3: Create Cognito User Pool', points: 4, maxPoints: 10, checkIds: ['a', 'b'] }]);
  });

  test('a PASS with a note carries its specific remediation', () => {
    const result = gradeSnapshot(emptySnapshot(), lab({ a: 1 }), gradingLab([check('a', [], () => ({ status: 'PASS', messageId: 'note' }))]), { source: 'live' });
    assert.deepEqual(result.checks[0]!.remediation, { text: 'consider python3.13', commands: [], afterAll: null, needs: [] });
  });

  test('an ERROR makes the grade incomplete and exits 3; a crashing check is an ERROR, not a crash', () => {
    const checks = [check('a', [], error), check('b', ['a'], pass), check('c', [], () => { throw new Error('boom'); })];
    const result = gradeSnapshot(emptySnapshot(), lab({ a: 1, b: 1, c: 1 }), gradingLab(checks), { source: 'live' });
    assert.deepEqual(result.counts, { PASS: 0, FAIL: 0, BLOCKED: 1, ERROR: 2 });
    assert.match(result.checks[1]!.message, /could not check/);
    assert.equal(result.checks[2]!.messageId, 'internalError');
    assert.match(result.checks[2]!.message, /boom/);
    assert.equal(result.completeness, 'incomplete');
    assert.equal(exitCodeFor(result), 3);
  });

  test('all PASS exits 0', () => {
    const result = gradeSnapshot(emptySnapshot(), lab({ a: 1 }), gradingLab([check('a', [], pass)]), { source: 'live' });
    assert.equal(exitCodeFor(result), 0);
    assert.equal(result.completeness, 'complete');
  });

  test('cycles and unknown dependencies are refused', () => {
    assert.throws(() => dependencyOrder([check('a', ['b'], pass), check('b', ['a'], pass)]), /cycle: a -> b -> a/);
    assert.throws(() => dependencyOrder([check('a', ['zzz'], pass)]), /unknown check zzz/);
  });
});

describe('templates', () => {
  test('unknown placeholders stay visible; objects are not rendered', () => {
    assert.equal(renderTemplate('{{a}} {{missing}} {{obj}}', { a: 1, obj: { b: 2 } }), '1 {{missing}} {{obj}}');
    assert.equal(renderTemplate('{{obj.b}}', { obj: { b: 2 } }), '2');
  });

  test('shellWord leaves IDs and $VARS bare and quotes the rest', () => {
    assert.equal(shellWord('arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction'), 'arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction');
    assert.equal(shellWord('$API_ID'), '$API_ID');
    assert.equal(shellWord('a b;rm -rf'), "'a b;rm -rf'");
    assert.equal(shellWord(''), "''");
  });
});
