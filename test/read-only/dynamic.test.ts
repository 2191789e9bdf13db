// Read-only, at run time: the matrix's accounts (the reference solution, every typical mistake, an empty account)
// graded live and a batch graded through the grading roles, against a sandbox that logs every request: every
// request the grading made is a read (Get*, List*, Describe*, AdminGetUser), the lab user's InitiateAuth,
// the probes' GET on the stage, or the batch's AssumeRole in the instructor's account (a read-only credential
// exchange: it changes nothing in any account). And a write sent through the grading clients is refused before
// any request leaves.
import { CreateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { AdminCreateUserCommand, CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AttachRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { gradingTargetFor } from '../../src/demo/index.js';
import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../../src/sandbox/index.js';
import { createGradingClients, destroyGradingClients } from '../../src/target/clients.js';
import { isReadOperation, WriteRefusedError } from '../../src/target/read-only-guard.js';
import { accountNumber, buildAccounts, completeLab, gradingRole, INSTRUCTOR_ACCOUNT, writeRoster, type StudentSpec } from '../batch/support/class.js';
import { readRequestLog } from '../batch/support/request-log.js';
import { gradeAccount } from '../matrix/support.js';
import { sandboxConfig } from '../reference-solution/helpers.js';
import { runProcess } from '../support/cli.js';
import { fakeCredentialsEnv } from '../secrets/support/fake-credentials.js';
import { loadLabSpec } from '../../checks/index.js';

const MATRIX_ACCOUNTS = { reference: '310000000000', empty: '310000000001' };
const mistakeAccount = (index: number): string => String(310000000100 + index);

const CLASS: StudentSpec[] = [
  { studentId: 'r1', accountId: accountNumber(801), setups: [gradingRole('ro-e1'), completeLab()], externalId: 'ro-e1' },
  // AssumeRole refused (wrong ExternalId): the attempt is still only a credential exchange.
  { studentId: 'r2', accountId: accountNumber(802), setups: [gradingRole('ro-e2')], externalId: 'ro-wrong' },
];

/** What grading may send: reads, the sign-in, the probes' GETs, and AssumeRole from the instructor's account. */
function isGradingRead(entry: RequestLogEntry): boolean {
  if (entry.service === 'execute-api') return entry.operation.startsWith('GET ');
  if (entry.operation === 'AssumeRole') return entry.service === 'sts' && entry.account === INSTRUCTOR_ACCOUNT;
  return isReadOperation(entry.operation);
}

const describeEntry = (entry: RequestLogEntry): string => `${entry.service}:${entry.operation} in ${entry.account}`;

describe('every request the grading makes is a read', () => {
  let work: string;
  let requestLog: string;
  let sandbox: RunningSandbox;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lab-grader-read-only-'));
    requestLog = join(work, 'requests.jsonl');
    sandbox = await startSandbox({ port: 0, requestLogFile: requestLog, signingKeys: 'shared' });
    const mistakes = Object.keys(MISTAKES) as MistakeName[];
    await Promise.all([
      deployReferenceSolution(sandboxConfig(sandbox, MATRIX_ACCOUNTS.reference)),
      ...mistakes.map(async (name, index) => {
        const config = sandboxConfig(sandbox, mistakeAccount(index));
        await applyMistake(config, name, await deployReferenceSolution(config));
      }),
      buildAccounts(sandbox, CLASS),
    ]);
  });

  after(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The log entries the `run` adds. */
  async function requestsDuring(run: () => Promise<unknown>): Promise<RequestLogEntry[]> {
    const from = (await readRequestLog(requestLog)).length;
    await run();
    return (await readRequestLog(requestLog)).slice(from);
  }

  test('grading the matrix accounts live, probes included', async () => {
    const lab = await loadLabSpec();
    const accounts = [...Object.values(MATRIX_ACCOUNTS), ...Object.keys(MISTAKES).map((_, index) => mistakeAccount(index))];
    const requests = await requestsDuring(() => Promise.all(accounts.map((account) => gradeAccount(sandbox, account, lab))));
    const operations = new Set(requests.map((entry) => entry.operation));
    for (const expected of ['GetCallerIdentity', 'ListUserPools', 'GetRestApis', 'GetFunction', 'GetRole', 'InitiateAuth', 'GET /hello']) {
      assert.ok(operations.has(expected), `the grades made ${expected}: ${[...operations].join(', ')}`);
    }
    assert.deepEqual(requests.filter((entry) => !isGradingRead(entry)).map(describeEntry), []);
  });

  test('a batch through the grading roles (the AssumeRole is the instructor account\'s)', async () => {
    const roster = await writeRoster(work, CLASS);
    const requests = await requestsDuring(async () => {
      const run = await runProcess(['batch', roster, '--out', join(work, 'batch'), '--endpoint-url', sandbox.url], fakeCredentialsEnv(INSTRUCTOR_ACCOUNT));
      assert.equal(run.code, 3, `r2's role refuses the ExternalId: ${run.stderr}`);
    });
    const assumed = requests.filter((entry) => entry.operation === 'AssumeRole');
    assert.deepEqual(assumed.map((entry) => `${entry.account} ${entry.status}`).sort(), [`${INSTRUCTOR_ACCOUNT} 200`, `${INSTRUCTOR_ACCOUNT} 403`]);
    assert.ok(requests.some((entry) => entry.account === accountNumber(801) && entry.operation === 'GetRestApis'), 'r1 was graded in its account');
    assert.deepEqual(requests.filter((entry) => !isGradingRead(entry)).map(describeEntry), []);
  });

  test('a write sent through the grading clients is refused, and no request reaches the sandbox', async () => {
    const clients = createGradingClients(gradingTargetFor({ endpoint: sandbox.url, accountId: MATRIX_ACCOUNTS.empty }));
    try {
      const requests = await requestsDuring(async () => {
        const writes = [
          clients.cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' })),
          clients.cognito.send(new AdminCreateUserCommand({ UserPoolId: 'us-east-1_x', Username: 'u' })),
          clients.apigateway.send(new CreateRestApiCommand({ name: 'SecureAPI' })),
          clients.lambda.send(new AddPermissionCommand({ FunctionName: 'f', StatementId: 's', Action: 'lambda:InvokeFunction', Principal: '*' })),
          clients.iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })),
          // The grading clients never assume a role themselves: the role's credentials come from their own provider.
          clients.sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/x', RoleSessionName: 'x' })),
        ];
        for (const write of writes) await assert.rejects(write, WriteRefusedError);
        // A read afterwards, so the log is known to hold everything sent until then.
        await clients.cognito.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      });
      assert.deepEqual(requests.map(describeEntry), [`cognito-idp:ListUserPools in ${MATRIX_ACCOUNTS.empty}`]);
    } finally {
      destroyGradingClients(clients);
    }
  });
});
