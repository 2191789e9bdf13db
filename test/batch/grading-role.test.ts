// The grading role's policy grants exactly the AWS actions the grader calls: derived from the sandbox's request
// log while a batch grades a complete lab and an empty account. template.yaml embeds the same policy.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import policy from '../../src/batch/grading-role/policy.json' with { type: 'json' };
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import type { RequestLogEntry } from '../../src/sandbox/index.js';
import { setEnv } from '../collect/support/env.js';
import { accountNumber, buildAccounts, completeLab, emptyAccount, gradingRole, INSTRUCTOR_ACCOUNT, writeRoster, type StudentSpec } from './support/class.js';
import { runCliUninterrupted } from './support/cli.js';
import { readRequestLog } from './support/request-log.js';

const TEMPLATE = fileURLToPath(new URL('../../src/batch/grading-role/template.yaml', import.meta.url));

// Calls that need no IAM permission: GetCallerIdentity never does; InitiateAuth is unauthenticated; the stage
// is called over plain HTTPS.
const NEEDS_NO_PERMISSION = new Set(['sts:GetCallerIdentity', 'cognito-idp:InitiateAuth']);

/** The IAM action an API call needs: API Gateway's control plane authorises by HTTP method. */
function iamAction(entry: RequestLogEntry): string {
  if (entry.service === 'apigateway') return `apigateway:${entry.operation.startsWith('Get') ? 'GET' : entry.operation}`;
  return `${entry.service}:${entry.operation}`;
}

const policyActions = (document: typeof policy): string[] => document.Statement.flatMap((statement) => statement.Action).sort();

describe('the grading role', () => {
  let sandbox: RunningSandbox;
  let work: string;
  let restoreEnv: () => void;
  let calls: RequestLogEntry[];
  const CLASS: StudentSpec[] = [
    { studentId: 'complete', accountId: accountNumber(1), setups: [gradingRole('e1'), completeLab()], externalId: 'e1' },
    { studentId: 'empty', accountId: accountNumber(2), setups: [gradingRole('e2'), emptyAccount], externalId: 'e2' },
  ];

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lab-grader-role-'));
    sandbox = await startSandbox({ port: 0, requestLogFile: join(work, 'requests.jsonl') });
    await buildAccounts(sandbox, CLASS);
    const built = (await readRequestLog(join(work, 'requests.jsonl'))).length;
    restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: INSTRUCTOR_ACCOUNT, AWS_SECRET_ACCESS_KEY: 'x', AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined });
    const run = await runCliUninterrupted(['batch', await writeRoster(work, CLASS), '--out', join(work, 'out'), '--endpoint-url', sandbox.url]);
    assert.equal(run.code, 0, run.stderr);
    calls = (await readRequestLog(join(work, 'requests.jsonl'))).slice(built);
  });
  after(async () => {
    restoreEnv?.();
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('policy.json allows exactly the actions the grader called in the students’ accounts', () => {
    const students = new Set(CLASS.map((student) => student.accountId));
    const called = new Set(calls.filter((entry) => students.has(entry.account) && entry.service !== 'execute-api').map(iamAction));
    for (const free of NEEDS_NO_PERMISSION) called.delete(free);
    assert.ok(called.has('apigateway:GET') && called.has('cognito-idp:AdminGetUser'), 'the complete lab was graded through');
    assert.deepEqual(policyActions(policy), [...called].sort());
    assert.ok(policy.Statement.every((statement) => statement.Effect === 'Allow' && !statement.Action.some((action) => action.includes('*'))));
  });

  test('the instructor’s account only assumes the roles', () => {
    const instructorCalls = new Set(calls.filter((entry) => entry.account === INSTRUCTOR_ACCOUNT).map(iamAction));
    assert.deepEqual([...instructorCalls], ['sts:AssumeRole']);
  });

  test('template.yaml embeds policy.json and trusts the instructor with an ExternalId', async () => {
    const template = await readFile(TEMPLATE, 'utf8');
    const embedded = /PolicyDocument: (\{[\s\S]*?\n\s*\})\n\s*# END policy\.json/.exec(template)?.[1];
    assert.ok(embedded, 'the policy block is found');
    assert.deepEqual(JSON.parse(embedded), policy);
    assert.match(template, /AWS: !Sub 'arn:aws:iam::\$\{InstructorAccountId\}:root'/);
    assert.match(template, /sts:ExternalId: !Ref ExternalId/);
  });
});
