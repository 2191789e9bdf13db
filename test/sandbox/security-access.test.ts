// Only the sandbox's own user may drive it: requests a web page can make (a foreign Origin, a rebound DNS name
// as Host, a cross-site load, a body in a content type a browser sends without a preflight) are refused in the
// protocol of the service addressed, and nothing runs; the SDK, the AWS CLI and the data plane keep working.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, ACCOUNT_B, clientConfig, failure, lambdaTrustPolicy, sandboxOn } from './helpers.js';
import { createPythonFunction, deployLab, pythonZip, type DeployedLab } from './lab-deploy.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request as curl would send it: exactly these headers (Host included) and body. */
function raw(sandbox: RunningSandbox, method: string, path: string, headers: Record<string, string>, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: sandbox.port, method, path, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const run = promisify(execFile);

/** `aws` on PATH (the AWS CLI v1 here) and /usr/bin/aws (v2, where installed), each with its version or undefined. */
const CLIS = await Promise.all(
  [['aws', 'AWS CLI on PATH'], ['/usr/bin/aws', 'AWS CLI at /usr/bin/aws']].map(async ([command = '', label = '']) => ({
    command,
    label,
    version: await run(command, ['--version']).then(({ stdout, stderr }) => (stdout || stderr).trim(), () => undefined),
  })),
);

const EVIL = 'http://evil.example';
const SIGNED = (service: string, account = ACCOUNT_A) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`,
});

describe('a sandbox only its own user can drive', () => {
  let sandbox: RunningSandbox;
  let lab: DeployedLab;
  let markers: string;
  const host = () => `127.0.0.1:${sandbox.port}`;

  before(async () => {
    sandbox = await sandboxOn();
    lab = await deployLab(sandbox);
    markers = mkdtempSync(join(tmpdir(), 'sandbox-security-'));
  });

  after(async () => {
    await sandbox?.stop();
    rmSync(markers, { recursive: true, force: true });
  });

  /** A function that leaves a file behind when it runs. */
  async function markerFunction(name: string): Promise<string> {
    const marker = join(markers, name);
    await createPythonFunction(lab.clients, name, lab.roleArn, `def lambda_handler(event, context):\n    open(${JSON.stringify(marker)}, 'w').close()\n    return 'ran'\n`);
    return marker;
  }

  describe('the issue’s browser-simple requests are refused and run nothing', () => {
    test('IAM CreateRole, form-encoded, the account chosen by ?X-Amz-Credential=, from a web page', async () => {
      const credential = encodeURIComponent(`${ACCOUNT_B}/20260101/us-east-1/iam/aws4_request`);
      const form = new URLSearchParams({ Action: 'CreateRole', Version: '2010-05-08', RoleName: 'pwned', AssumeRolePolicyDocument: lambdaTrustPolicy() });
      const answer = await raw(sandbox, 'POST', `/?X-Amz-Credential=${credential}`, { host: host(), origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
      assert.equal(answer.status, 403, answer.text);
      assert.match(answer.text, /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code>/);
      assert.match(answer.text, /Origin &apos;http:\/\/evil\.example&apos; is not allowed/);
      const iamB = new IAMClient(clientConfig(sandbox, ACCOUNT_B));
      assert.equal((await failure(iamB.send(new GetRoleCommand({ RoleName: 'pwned' })))).name, 'NoSuchEntityException');
    });

    test('Lambda CreateFunction with Content-Type text/plain;charset=json', async () => {
      const marker = join(markers, 'created');
      const zip = Buffer.from(pythonZip(`def lambda_handler(event, context):\n    open(${JSON.stringify(marker)}, 'w').close()\n`)).toString('base64');
      const body = JSON.stringify({ FunctionName: 'Pwned', Runtime: 'python3.12', Role: lab.roleArn, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: zip } });
      for (const headers of [{ origin: EVIL }, {}] as Record<string, string>[]) {
        const answer = await raw(sandbox, 'POST', '/2015-03-31/functions', { host: host(), 'content-type': 'text/plain;charset=json', ...SIGNED('lambda'), ...headers }, body);
        const expected = headers.origin ? [403, 'AccessDeniedException'] : [415, 'UnsupportedMediaTypeException'];
        assert.deepEqual([answer.status, answer.headers['x-amzn-errortype']], expected, answer.text);
        assert.equal(JSON.parse(answer.text).Type, 'User');
      }
      assert.equal((await failure(lab.clients.lambda.send(new GetFunctionCommand({ FunctionName: 'Pwned' })))).name, 'ResourceNotFoundException');
    });

    test('Lambda Invoke with Content-Type text/plain', async () => {
      const marker = await markerFunction('TextPlainInvoke');
      for (const headers of [{ origin: EVIL }, {}] as Record<string, string>[]) {
        const answer = await raw(sandbox, 'POST', '/2015-03-31/functions/TextPlainInvoke/invocations', { host: host(), 'content-type': 'text/plain', ...SIGNED('lambda'), ...headers }, '{}');
        assert.equal(answer.status, headers.origin ? 403 : 415, answer.text);
      }
      assert.equal(existsSync(marker), false, 'the handler ran');
      // The same invocation from the SDK runs it: the marker proves the check above can fail.
      const invoked = await lab.clients.lambda.send(new InvokeCommand({ FunctionName: 'TextPlainInvoke', Payload: Buffer.from('{}') }));
      assert.equal(Buffer.from(invoked.Payload ?? []).toString(), '"ran"');
      assert.equal(existsSync(marker), true);
    });
  });

  describe('a foreign Host (DNS rebinding) is refused, control plane and data plane', () => {
    const foreign = ['evil.example:4566', 'attacker.localhost', '127.0.0.1.nip.io', 'localhost.evil.example'];

    test('Cognito, in awsJson1_1', async () => {
      for (const name of foreign) {
        const answer = await raw(sandbox, 'POST', '/', { host: name, 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/x-amz-json-1.1' }, '{"MaxResults":10}');
        assert.equal(answer.status, 403, name);
        assert.equal(answer.headers['x-amzn-errortype'], 'AccessDeniedException');
        assert.equal(JSON.parse(answer.text).__type, 'AccessDeniedException');
        assert.match(answer.text, new RegExp(`not Host '${name.replace(/\./g, '\\.')}'`));
        assert.match(String(answer.headers['x-sandbox-error']), /loopback/);
      }
    });

    test('STS in awsQuery, API Gateway and Lambda in restJson1', async () => {
      const sts = await raw(sandbox, 'POST', '/', { host: 'evil.example', ...SIGNED('sts'), 'content-type': 'application/x-www-form-urlencoded' }, 'Action=GetCallerIdentity&Version=2011-06-15');
      assert.equal(sts.status, 403);
      assert.match(sts.text, /<Code>AccessDenied<\/Code>/);
      const apis = await raw(sandbox, 'GET', '/restapis', { host: 'evil.example', ...SIGNED('apigateway') });
      assert.deepEqual([apis.status, apis.headers['x-amzn-errortype']], [403, 'AccessDeniedException']);
      const functions = await raw(sandbox, 'GET', '/2015-03-31/functions', { host: 'evil.example' });
      assert.deepEqual([functions.status, JSON.parse(functions.text).Type], [403, 'User']);
    });

    test('the data plane, by path', async () => {
      const answer = await raw(sandbox, 'GET', `/_aws/execute-api/${lab.apiId}/prod/hello`, { host: 'evil.example' });
      assert.deepEqual([answer.status, answer.headers['x-amzn-errortype']], [403, 'ForbiddenException']);
    });

    test('loopback names and addresses, with any port, are served', async () => {
      for (const name of ['localhost', `localhost:${sandbox.port}`, '127.0.0.1', '127.1.2.3:80', '[::1]', `[::1]:${sandbox.port}`, 'LOCALHOST']) {
        const answer = await raw(sandbox, 'GET', '/_sandbox/health', { host: name });
        assert.equal(answer.status, 200, name);
      }
    });
  });

  describe('an Origin header is refused unless allowed', () => {
    test('control plane and both data plane forms', async () => {
      const control = await raw(sandbox, 'POST', '/', { host: host(), origin: 'null', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/x-amz-json-1.1' }, '{"MaxResults":10}');
      assert.equal(control.status, 403);
      const byPath = await raw(sandbox, 'GET', `/_aws/execute-api/${lab.apiId}/prod/hello`, { host: host(), origin: EVIL });
      assert.deepEqual([byPath.status, byPath.headers['x-amzn-errortype']], [403, 'ForbiddenException']);
      const byHost = await raw(sandbox, 'GET', '/prod/hello', { host: `${lab.apiId}.execute-api.localhost:${sandbox.port}`, origin: EVIL });
      assert.deepEqual([byHost.status, byHost.headers['x-amzn-errortype']], [403, 'ForbiddenException']);
    });

    test('a cross-site load that carries no Origin (an <img> GET) is refused too', async () => {
      const credential = encodeURIComponent(`${ACCOUNT_B}/20260101/us-east-1/iam/aws4_request`);
      const query = new URLSearchParams({ Action: 'CreateRole', Version: '2010-05-08', RoleName: 'imgrole', AssumeRolePolicyDocument: lambdaTrustPolicy() });
      const answer = await raw(sandbox, 'GET', `/?X-Amz-Credential=${credential}&${query}`, { host: host(), 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' });
      assert.equal(answer.status, 403);
      const iamB = new IAMClient(clientConfig(sandbox, ACCOUNT_B));
      assert.equal((await failure(iamB.send(new GetRoleCommand({ RoleName: 'imgrole' })))).name, 'NoSuchEntityException');
    });
  });

  describe('what the SDK, the AWS CLI and the data plane send still works', () => {
    test('the SDK v3', async () => {
      const pools = await lab.clients.cognito.send(new ListUserPoolsCommand({ MaxResults: 10 }));
      assert.equal(pools.UserPools?.length, 1);
      const invoked = await lab.clients.lambda.send(new InvokeCommand({ FunctionName: 'HelloWorldFunction' }));
      assert.equal(invoked.StatusCode, 200);
    });

    test('the data plane, by path and by Host', async () => {
      const { IdToken } = await lab.signIn();
      const byPath = await raw(sandbox, 'GET', `/_aws/execute-api/${lab.apiId}/prod/hello`, { host: host(), authorization: IdToken });
      assert.equal(byPath.status, 200, byPath.text);
      const byHost = await raw(sandbox, 'GET', '/prod/hello', { host: `${lab.apiId}.execute-api.localhost:${sandbox.port}`, authorization: IdToken });
      assert.equal(byHost.status, 200, byHost.text);
    });

    for (const { command, label, version } of CLIS) {
      test(`the ${label} (${version ?? 'absent'}): JSON, query and restJson1 calls, and Invoke with a payload`, { skip: version ? false : `no ${command}` }, async () => {
        const aws = async (...args: string[]) =>
          (
            await run(command, [...args, '--region', 'us-east-1', '--endpoint-url', sandbox.url, '--output', 'json'], {
              env: { PATH: process.env['PATH'], HOME: process.env['HOME'], AWS_ACCESS_KEY_ID: ACCOUNT_A, AWS_SECRET_ACCESS_KEY: 'x', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
            })
          ).stdout;
        assert.equal(JSON.parse(await aws('sts', 'get-caller-identity')).Account, ACCOUNT_A);
        assert.equal(JSON.parse(await aws('cognito-idp', 'list-user-pools', '--max-results', '10')).UserPools.length, 1);
        assert.ok(JSON.parse(await aws('lambda', 'list-functions')).Functions.length >= 1);
        assert.equal(JSON.parse(await aws('apigateway', 'get-rest-apis')).items.length, 1);
        const out = join(markers, `invoke-${command.replace(/\W/g, '_')}.json`);
        const payload = version?.startsWith('aws-cli/1') ? ['--payload', '{"from":"cli"}'] : ['--payload', '{"from":"cli"}', '--cli-binary-format', 'raw-in-base64-out'];
        const invoked = JSON.parse(await aws('lambda', 'invoke', '--function-name', 'HelloWorldFunction', ...payload, out));
        assert.equal(invoked.StatusCode, 200);
        assert.equal(JSON.parse(readFileSync(out, 'utf8')).statusCode, 200);
      });
    }
  });
});

describe('a sandbox started with allowOrigins', () => {
  let sandbox: RunningSandbox;
  const PAGE = 'http://localhost:3000';

  before(async () => {
    sandbox = await sandboxOn({ allowOrigins: [`${PAGE}/`] });
  });

  after(async () => {
    await sandbox?.stop();
  });

  test('serves that origin with CORS headers, answers its preflight, and still refuses others', async () => {
    const headers = { host: `127.0.0.1:${sandbox.port}`, 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/x-amz-json-1.1' };
    const preflight = await raw(sandbox, 'OPTIONS', '/', { host: headers.host, origin: PAGE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], PAGE);
    assert.equal(preflight.headers['access-control-allow-headers'], 'content-type,x-amz-target');
    const allowed = await raw(sandbox, 'POST', '/', { ...headers, origin: PAGE }, '{"MaxResults":10}');
    assert.equal(allowed.status, 200, allowed.text);
    assert.equal(allowed.headers['access-control-allow-origin'], PAGE);
    const other = await raw(sandbox, 'POST', '/', { ...headers, origin: 'http://localhost:3001' }, '{"MaxResults":10}');
    assert.equal(other.status, 403);
    assert.equal(other.headers['access-control-allow-origin'], undefined);
  });
});

describe('a sandbox started with allowRemote', () => {
  test('takes any IP address as Host, still no other name; without it, a remote host does not start', async () => {
    await assert.rejects(sandboxOn({ host: '0.0.0.0' }), { name: 'SandboxOptionsError', message: /0\.0\.0\.0 is not a loopback address/ });
    const sandbox = await sandboxOn({ allowRemote: true });
    try {
      for (const [host, status] of [['192.0.2.7:4566', 200], ['[2001:db8::1]', 200], ['evil.example', 403], ['lab.internal:4566', 403]] as const) {
        assert.equal((await raw(sandbox, 'GET', '/_sandbox/health', { host })).status, status, host);
      }
    } finally {
      await sandbox.stop();
    }
  });
});
