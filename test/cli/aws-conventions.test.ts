// The AWS CLI's conventions, through the CLI as a process (the SDK reads the real environment): the endpoint from
// AWS_ENDPOINT_URL or the config profile's endpoint_url reaches the probes too, and a grade that has no credentials
// says so, apart from one whose credentials AWS refused.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import type { LocalServer } from '../collect/support/local-server.js';
import { startEchoingAws } from '../secrets/support/echoing-aws.js';
import { fakeCredentialsEnv } from '../secrets/support/fake-credentials.js';
import { noCredentialsEnv, runProcess } from '../support/cli.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

let sandbox: RunningSandbox;
let scratch: string;
const credentials = { AWS_ACCESS_KEY_ID: ACCOUNT, AWS_SECRET_ACCESS_KEY: 'x', AWS_EC2_METADATA_DISABLED: 'true', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' };

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  scratch = await mkdtemp(join(tmpdir(), 'lab-grader-aws-conventions-'));
  await deployReferenceSolution({ region: REGION, endpoint: sandbox.url, credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' } });
});

after(async () => {
  await sandbox.stop();
  await rm(scratch, { recursive: true, force: true });
});

interface JsonReport {
  score: number;
  completeness: string;
  target: { endpoint: string | null };
  checks: { id: string; status: string; message: string }[];
}

function assertFullMarksWithProbes(stdout: string, endpoint: string): void {
  const report = JSON.parse(stdout) as JsonReport;
  const probes = report.checks.filter((check) => check.id.startsWith('probe-'));
  assert.ok(probes.length > 0);
  for (const check of probes) assert.equal(check.status, 'PASS', `${check.id}: ${check.message}`);
  assert.equal(report.score, 100);
  assert.equal(report.completeness, 'complete');
  assert.equal(report.target.endpoint, endpoint);
}

describe('the endpoint the AWS SDK is configured with, without --endpoint-url', () => {
  test('AWS_ENDPOINT_URL: 100/100 with the probes, and the endpoint in the report header and the JSON', async () => {
    const env = { ...credentials, AWS_CONFIG_FILE: '/nonexistent/config', AWS_ENDPOINT_URL: `${sandbox.url}/` };
    const json = await runProcess(['grade', '--output', 'json'], env);
    assert.equal(json.code, 0, json.stderr);
    assertFullMarksWithProbes(json.stdout, sandbox.url);
    const console = await runProcess(['grade', '--no-color'], env);
    assert.equal(console.code, 0, console.stderr);
    assert.match(console.stdout, new RegExp(`^Account ${ACCOUNT} · Region ${REGION} · Endpoint ${sandbox.url}$`, 'm'));
  });

  test("the config profile's endpoint_url, from a temporary AWS_CONFIG_FILE", async () => {
    const config = join(scratch, 'config');
    await writeFile(config, `[default]\nregion = ${REGION}\nendpoint_url = ${sandbox.url}\n`);
    const fromProfile = await runProcess(['grade', '--output', 'json'], { ...credentials, AWS_CONFIG_FILE: config });
    assert.equal(fromProfile.code, 0, fromProfile.stderr);
    assertFullMarksWithProbes(fromProfile.stdout, sandbox.url);
  });

  test("the profile's services section: API Gateway's endpoint_url over the profile's own", async () => {
    const apigateway = sandbox.url.replace('127.0.0.1', 'localhost');
    const config = join(scratch, 'config-services');
    await writeFile(
      config,
      `[default]\nregion = ${REGION}\nendpoint_url = ${sandbox.url}\nservices = local\n\n[services local]\napi_gateway =\n  endpoint_url = ${apigateway}\n`,
    );
    const run = await runProcess(['grade', '--output', 'json'], { ...credentials, AWS_CONFIG_FILE: config });
    assert.equal(run.code, 0, run.stderr);
    assertFullMarksWithProbes(run.stdout, apigateway);
  });

  test("AWS_ENDPOINT_URL_API_GATEWAY over AWS_ENDPOINT_URL: the stages are API Gateway's", async () => {
    const apigateway = sandbox.url.replace('127.0.0.1', 'localhost');
    assert.notEqual(apigateway, sandbox.url, 'two spellings of the sandbox, to tell which one was used');
    const env = { ...credentials, AWS_CONFIG_FILE: '/nonexistent/config', AWS_ENDPOINT_URL: sandbox.url, AWS_ENDPOINT_URL_API_GATEWAY: apigateway };
    const run = await runProcess(['grade', '--output', 'json'], env);
    assert.equal(run.code, 0, run.stderr);
    assertFullMarksWithProbes(run.stdout, apigateway);
  });
});

describe('credentials: none found is not refused', () => {
  const servers: LocalServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  test('no credentials anywhere: says none were found, once "Cannot grade", exit 3', async () => {
    const run = await runProcess(['grade', '--endpoint-url', 'http://127.0.0.1:9'], noCredentialsEnv());
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^Cannot grade: no AWS credentials were found in the default credential chain .*\(CredentialsProviderError: /m);
    assert.doesNotMatch(run.stderr, /did not accept/);
    assert.equal(run.stderr.match(/cannot grade/gi)?.length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, STACK_LINE);
    assert.equal(run.stdout, '');
  });

  test('a profile that does not exist: none found in that profile', async () => {
    const run = await runProcess(['grade', '--profile', 'course', '--endpoint-url', 'http://127.0.0.1:9'], noCredentialsEnv());
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^Cannot grade: no AWS credentials were found in the profile "course"/m);
  });

  test('credentials AWS refuses (InvalidClientTokenId): says AWS did not accept them, once "Cannot grade", exit 3', async () => {
    const server = await startEchoingAws({ sts: 'invalid-token' });
    servers.push(server);
    const run = await runProcess(['grade', '--endpoint-url', server.endpoint], fakeCredentialsEnv());
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^Cannot grade: AWS did not accept the credentials from the default credential chain .*\(InvalidClientTokenId: /m);
    assert.doesNotMatch(run.stderr, /no AWS credentials were found/);
    assert.equal(run.stderr.match(/cannot grade/gi)?.length, 1, run.stderr);
  });
});
