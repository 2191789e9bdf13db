// The whole live path with hostile content: the lab built in the sandbox by the reference solution, then a
// function that answers with terminal escapes and markup, an API and a deployment described with them too;
// graded by the CLI in every format, and every output scanned.
import { APIGatewayClient, CreateDeploymentCommand, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { LambdaClient, UpdateFunctionCodeCommand, waitUntilFunctionUpdatedV2 } from '@aws-sdk/client-lambda';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { zipHandler } from '../../reference-solution/zip.js';
import type { GradeResult } from '../../src/engine/types.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { runInProcess } from '../support/cli.js';
import { ACCOUNT, REGION } from '../probes/support.js';
import { HOSTILE, MARKER } from './hostile-strings.js';
import { assertConsoleTextSafe, assertEveryReportValid, assertJunitValid, assertTerminalSafe } from './report-invariants.js';

const PASSWORD = 'Hostile-Live-Pass-7!';
const credentials = { accessKeyId: ACCOUNT, secretAccessKey: 'x' };

/** The lab's handler, but its answer is hostile: not JSON, with raw escapes, markup and line breaks. */
const HOSTILE_HANDLER = `def lambda_handler(event, context):
    return {'statusCode': 200, 'headers': {'Content-Type': 'text/html'}, 'body': ${JSON.stringify(HOSTILE.replace(/[\ud800-\udfff]/g, ''))}}
`;

let sandbox: RunningSandbox;
let outDir: string;

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  outDir = await mkdtemp(join(tmpdir(), 'lab-grader-hostile-live-'));
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: ACCOUNT,
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  const lab = await deployReferenceSolution({ region: REGION, endpoint: sandbox.url, credentials, password: PASSWORD });
  const client = { region: REGION, endpoint: sandbox.url, credentials };
  const lambda = new LambdaClient(client);
  const apigateway = new APIGatewayClient(client);
  try {
    const functionName = lab.functionArn.split(':').at(-1) as string;
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: zipHandler(HOSTILE_HANDLER) }));
    await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { FunctionName: functionName });
    // Free text AWS accepts as is; control characters are not all accepted everywhere, so the printable part.
    const printable = HOSTILE.replace(/[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]/g, '');
    await apigateway.send(new UpdateRestApiCommand({ restApiId: lab.apiId, patchOperations: [{ op: 'replace', path: '/description', value: printable }] }));
    await apigateway.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod', description: printable }));
  } finally {
    lambda.destroy();
    apigateway.destroy();
  }
});

after(async () => {
  await sandbox.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('a live grade of an account with hostile content', () => {
  for (const tty of [false, true]) {
    test(`every output is valid and safe (console on a terminal: ${tty})`, async () => {
      const out = join(outDir, tty ? 'tty' : 'plain');
      const run = await runInProcess(
        ['grade', '--endpoint-url', sandbox.url, '--format', 'console,json,junit,gradescope', '--out', out, '--save-snapshot', join(out, 'snapshot.json')],
        { tty, env: { LAB_GRADER_PASSWORD: PASSWORD } },
      );
      assert.equal(run.code, 1, run.stderr);
      assertConsoleTextSafe(run.stdout, tty);
      assertTerminalSafe(run.stderr, 'stderr');

      const result = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as GradeResult;
      const body = result.checks.find((check) => check.id === 'probe-response-body');
      assert.equal(body?.messageId, 'notJson');
      assert.ok(body.message.includes(MARKER), 'the hostile answer reached the report');
      assert.ok(result.checks.filter((check) => check.status === 'PASS').length >= 25, 'the rest of the lab still passes');
      const snapshot = JSON.parse(await readFile(join(out, 'snapshot.json'), 'utf8')) as Snapshot;
      const { deployment } = snapshot.apigateway;
      assert.ok(deployment.state === 'found' && deployment.value.description?.startsWith(MARKER), 'the hostile description was collected');
      // The files the CLI wrote, as written, and every writer again over the same result.
      assertTerminalSafe(await readFile(join(out, 'report.json'), 'utf8'), 'report.json');
      assertTerminalSafe(await readFile(join(out, 'results.json'), 'utf8'), 'results.json');
      assertJunitValid(await readFile(join(out, 'junit.xml'), 'utf8'), 'junit.xml');
      assertEveryReportValid(result);
    });
  }
});
