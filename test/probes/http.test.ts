// The HTTP probe against loopback servers that play API Gateway (and servers that misbehave): every answer is
// an observation, bounded in bytes and time; nothing crashes or hangs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServer as createHttpsServer } from 'node:https';
import { after, before, describe, test } from 'node:test';
import type { Agent } from 'undici';
import { isMissingAuthenticationToken } from '../../checks/support/probes.js';
import { callAllowingForPropagation } from '../../src/probes/fresh-deployment.js';
import { callStage, createProbeAgent, MAX_BODY_BYTES, type HttpLimits, type StageCall } from '../../src/probes/http.js';
import type { HttpExchange, Observed } from '../../src/snapshot/types.js';
import { closedPort, gatewayAnswer, startLocalServer, type LocalServer } from './support.js';

// The calls that must time out get a short limit; the calls the local server answers get a long one, so that a
// busy machine's slow turn is never what the test sees.
const LIMITS: HttpLimits = { connectMs: 10_000, requestMs: 800, maxBodyBytes: MAX_BODY_BYTES };
const ANSWERED: HttpLimits = { ...LIMITS, requestMs: 30_000 };
const TEN_MB = 10 * 1024 * 1024;

let server: LocalServer;
let agent: Agent;
let madTries = 0;

before(async () => {
  server = await startLocalServer((request, response) => {
    switch (request.url) {
      case '/prod/unauthorized':
        response.setHeader('set-cookie', 'session=should-not-be-kept');
        return gatewayAnswer(response, 401, '{"message":"Unauthorized"}', 'UnauthorizedException');
      case '/prod/hello':
        return gatewayAnswer(response, 200, '{"message": "Hello from secured API!", "user": "testuser"}');
      case '/prod/fresh':
        // A deployment still propagating: Missing Authentication Token twice, then the route.
        madTries += 1;
        return madTries <= 2
          ? gatewayAnswer(response, 403, '{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException')
          : gatewayAnswer(response, 200, '{"message": "Hello from secured API!", "user": "testuser"}');
      case '/prod/not-deployed':
        return gatewayAnswer(response, 403, '{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException');
      case '/prod/redirect':
        response.writeHead(302, { location: '/prod/hello' });
        return response.end();
      case '/prod/huge':
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(TEN_MB) });
        return response.end(Buffer.alloc(TEN_MB, 'x'));
      case '/prod/endless':
        // A body that never ends: only the byte limit stops the reading.
        response.writeHead(200, { 'content-type': 'text/plain' });
        return void writeForever(response);
      case '/prod/trickle':
        // One byte now and then, forever: never idle long enough for bodyTimeout; the deadline must end it.
        response.writeHead(200, { 'content-type': 'text/plain' });
        return void trickle(response);
      case '/prod/silent':
        return; // never answers
      default:
        return gatewayAnswer(response, 404, '{"message":"no such test route"}');
    }
  });
  agent = createProbeAgent(LIMITS);
});

after(async () => {
  await agent.destroy();
  await server.stop();
});

function writeForever(response: import('node:http').ServerResponse): void {
  const chunk = Buffer.alloc(16 * 1024, 'y');
  const pump = (): void => {
    while (!response.destroyed && response.write(chunk));
    if (!response.destroyed) response.once('drain', pump);
  };
  pump();
}

function trickle(response: import('node:http').ServerResponse): void {
  const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('.')), 50);
  response.on('close', () => clearInterval(timer));
}

const call = (url: string, headers: Record<string, string> = {}): StageCall => ({ operation: 'execute-api:GET /hello', url, method: 'GET', headers });

function exchangeOf(observed: Observed<HttpExchange>): HttpExchange {
  assert.equal(observed.state, 'found', JSON.stringify(observed));
  return (observed as { value: HttpExchange }).value;
}

function errorOf(observed: Observed<HttpExchange>) {
  assert.equal(observed.state, 'error', JSON.stringify(observed));
  return (observed as Extract<Observed<HttpExchange>, { state: 'error' }>).error;
}

describe('callStage', () => {
  test("records a 401 with API Gateway's headers and body, and only the headers that matter", async () => {
    const answer = exchangeOf(await callStage(agent, call(`${server.url}/prod/unauthorized`), ANSWERED));
    assert.equal(answer.status, 401);
    assert.equal(answer.body, '{"message":"Unauthorized"}');
    assert.equal(answer.bodyTruncated, false);
    assert.equal(answer.url, `${server.url}/prod/unauthorized`);
    assert.equal(answer.method, 'GET');
    assert.deepEqual(answer.headers, {
      'content-type': 'application/json',
      'x-amzn-errortype': 'UnauthorizedException',
      'x-amzn-requestid': '8f0a6c51-2d3e-4b7f-9a1c-5e6d7f8a9b01',
      'x-amz-apigw-id': 'Ab1CdEFGoAMEbZw=',
    });
    assert.ok(answer.durationMs >= 0);
  });

  test('records a 200 with the JSON body', async () => {
    const answer = exchangeOf(await callStage(agent, call(`${server.url}/prod/hello`, { authorization: 'Bearer x' }), ANSWERED));
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), { message: 'Hello from secured API!', user: 'testuser' });
    assert.equal(server.requests.at(-1)?.headers.authorization, 'Bearer x');
  });

  test('records a redirect as what it is, without following it', async () => {
    const before = server.requests.filter((request) => request.url === '/prod/hello').length;
    const answer = exchangeOf(await callStage(agent, call(`${server.url}/prod/redirect`), ANSWERED));
    assert.equal(answer.status, 302);
    assert.equal(answer.headers['location'], '/prod/hello');
    assert.equal(server.requests.filter((request) => request.url === '/prod/hello').length, before, 'the redirect was followed');
  });

  test('keeps 64 KiB of a 10 MB body and says it was cut', async () => {
    const answer = exchangeOf(await callStage(agent, call(`${server.url}/prod/huge`), ANSWERED));
    assert.equal(answer.status, 200);
    assert.equal(answer.bodyTruncated, true);
    assert.equal(Buffer.byteLength(answer.body), MAX_BODY_BYTES);
  });

  test('stops reading a body that never ends', async () => {
    const answer = exchangeOf(await callStage(agent, call(`${server.url}/prod/endless`), ANSWERED));
    assert.equal(answer.bodyTruncated, true);
    assert.equal(Buffer.byteLength(answer.body), MAX_BODY_BYTES);
  });

  test('a server that never answers is a timeout', async () => {
    const error = errorOf(await callStage(agent, call(`${server.url}/prod/silent`), LIMITS));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.operation, 'execute-api:GET /hello');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${server.port}`));
    assert.match(error.message, /sent no answer within 800 ms/);
  });

  test('a body that trickles in forever is ended by the deadline', async () => {
    const error = errorOf(await callStage(agent, call(`${server.url}/prod/trickle`), LIMITS));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /took longer than 1600 ms/);
  });

  test('a closed port is a network error: connection refused', async () => {
    const port = await closedPort();
    const error = errorOf(await callStage(agent, call(`http://127.0.0.1:${port}/prod/hello`), LIMITS));
    assert.deepEqual({ kind: error.kind, code: error.code }, { kind: 'network', code: 'ECONNREFUSED' });
    assert.match(error.message, /refused the connection/);
  });

  test('a host name that does not resolve is a network error (DNS)', async () => {
    const error = errorOf(await callStage(agent, call('http://no-such-api.invalid/prod/hello'), LIMITS));
    assert.ok(error.kind === 'network' || error.kind === 'timeout', JSON.stringify(error));
    if (error.kind === 'network') assert.match(error.message, /does not resolve \(DNS\)/);
  });

  test('a TLS failure is a network error that says TLS', async () => {
    // https:// to a server that speaks plain HTTP: the handshake fails.
    const error = errorOf(await callStage(agent, call(`${server.url.replace('http:', 'https:')}/prod/hello`), LIMITS));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /TLS/);
  });

  test('a certificate the grader cannot trust is a network error that says TLS', async (t) => {
    const certificate = await selfSignedCertificate();
    if (certificate === null) return t.skip('openssl is not installed');
    const tls = createHttpsServer(certificate, (_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => tls.close(() => resolve())));
    const { port } = tls.address() as import('node:net').AddressInfo;
    const error = errorOf(await callStage(agent, call(`https://127.0.0.1:${port}/prod/hello`), LIMITS));
    assert.equal(error.kind, 'network');
    assert.match(error.code, /SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    assert.match(error.message, /TLS connection to 127\.0\.0\.1:\d+ failed \(/);
  });
});

describe('a fresh deployment', () => {
  const policy = { youngerThanMs: 60_000, retryDelaysMs: [10, 10, 10], notServingYet: isMissingAuthenticationToken };

  test('is retried on 403 Missing Authentication Token while younger than a minute', async () => {
    madTries = 0;
    const now = new Date();
    const answer = exchangeOf(
      await callAllowingForPropagation(() => callStage(agent, call(`${server.url}/prod/fresh`), ANSWERED), new Date(now.getTime() - 5_000), now, policy),
    );
    assert.equal(answer.status, 200);
    assert.equal(madTries, 3);
  });

  test('is not retried once older than a minute: the 403 is the answer', async () => {
    madTries = 0;
    const now = new Date();
    const answer = exchangeOf(
      await callAllowingForPropagation(() => callStage(agent, call(`${server.url}/prod/fresh`), ANSWERED), new Date(now.getTime() - 120_000), now, policy),
    );
    assert.equal(answer.status, 403);
    assert.equal(madTries, 1);
  });

  test('gives up after the last retry and records the 403', async () => {
    const before = server.requests.length;
    const now = new Date();
    const answer = exchangeOf(
      await callAllowingForPropagation(() => callStage(agent, call(`${server.url}/prod/not-deployed`), ANSWERED), now, now, policy),
    );
    assert.equal(answer.status, 403);
    assert.equal(server.requests.length - before, 4);
  });
});

/** A self-signed certificate for 127.0.0.1, made for this test only (trusted nowhere); null without openssl. */
async function selfSignedCertificate(): Promise<{ key: string; cert: string } | null> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-grader-tls-'));
  try {
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ]);
    return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
