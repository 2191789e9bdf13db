// Every AWS call ends and reads a bounded answer, whatever the server does after its headers; a live grade
// stops at its --timeout, naming the call that hung.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, test } from 'node:test';
import { labBundle } from '../../checks/index.js';
import { collectSnapshot } from '../../src/pipeline/take-snapshot.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { createGradingClients, destroyGradingClients } from '../../src/target/clients.js';
import { MAX_RESPONSE_BYTES } from '../../src/target/http-handler.js';
import { runProcess } from '../support/cli.js';
import { lab, testTarget } from './support/grading.js';
import { callerIdentityXml, startLocalServer, type LocalServer } from './support/local-server.js';

type Misbehaviour = (response: ServerResponse) => void;

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1' };

/** Headers, then nothing: the connection stays open. */
const stall: Misbehaviour = (response) => {
  response.writeHead(200, JSON_HEADERS);
  response.write('{"UserPools":[');
};

/** Headers, then a byte now and then, forever: the socket is never idle for long. */
const trickle: Misbehaviour = (response) => {
  response.writeHead(200, JSON_HEADERS);
  response.write('{"UserPools":[');
  const timer = setInterval(() => response.write(' '), 20);
  response.on('close', () => clearInterval(timer));
};

/** A well-formed answer far over the size limit, chunked (no Content-Length to refuse it by). */
const huge: Misbehaviour = (response) => {
  response.writeHead(200, JSON_HEADERS);
  const pool = `{"Id":"us-east-1_x","Name":"${'p'.repeat(1000)}"},`;
  const chunk = pool.repeat(1000);
  let sent = 0;
  const more = (): void => {
    while (sent <= 2 * MAX_RESPONSE_BYTES && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', more);
    }
    response.end('{"Id":"us-east-1_y","Name":"last"}]}');
  };
  more();
};

/** The same, announced by its Content-Length. */
const declaredHuge: Misbehaviour = (response) => {
  response.writeHead(200, { ...JSON_HEADERS, 'content-length': String(2 * MAX_RESPONSE_BYTES) });
  response.write('{"UserPools":[');
};

const noPools: Misbehaviour = (response) => void response.writeHead(200, JSON_HEADERS).end('{"UserPools":[]}');
const notFound: Misbehaviour = (response) => {
  response.writeHead(404, { ...JSON_HEADERS, 'x-amzn-errortype': 'ResourceNotFoundException' }).end('{"message":"not found"}');
};

/** STS answers; cognito-idp:ListUserPools and the stage (/prod/...) do as told; every other call finds nothing. */
function accountWhere(listUserPools: Misbehaviour, stage: Misbehaviour = notFound): Promise<LocalServer> {
  return startLocalServer((request, body, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (body.includes('Action=GetCallerIdentity')) {
      response.writeHead(200, { 'content-type': 'text/xml' }).end(callerIdentityXml('123456789012'));
    } else if (target.endsWith('.ListUserPools')) {
      listUserPools(response);
    } else if (request.url?.startsWith('/prod/')) {
      stage(response);
    } else {
      notFound(response);
    }
    return true;
  });
}

/** Headers never come. */
const silent: Misbehaviour = () => {};

const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

const servers: Record<string, LocalServer> = {};
before(async () => {
  for (const [name, misbehaviour] of Object.entries({ stall, trickle, huge, declaredHuge, silent })) servers[name] = await accountWhere(misbehaviour);
  servers['stallingStage'] = await accountWhere(noPools, stall);
});
after(() => Promise.all(Object.values(servers).map((server) => server.close())));

async function collectFrom(server: LocalServer): Promise<Snapshot> {
  const target = testTarget({ endpointUrl: server.endpoint, timeoutMs: 500, maxAttempts: 2 });
  const clients = createGradingClients(target);
  try {
    return await collectSnapshot(clients, target, lab, labBundle);
  } finally {
    destroyGradingClients(clients);
  }
}

function userPoolsError(snapshot: Snapshot) {
  const pool = snapshot.cognito.pools;
  assert.equal(pool.state, 'error', JSON.stringify(pool));
  return pool.state === 'error' ? pool.error : assert.fail();
}

for (const name of ['stall', 'trickle'] as const) {
  test(`a server that sends its headers, then ${name === 'stall' ? 'stalls' : 'trickles'}: the call times out and the collection ends`, async () => {
    const error = userPoolsError(await collectFrom(servers[name]!));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.operation, 'cognito-idp:ListUserPools');
    assert.equal(error.message, "the answer did not finish arriving within the 500 ms request timeout");
  });
}

test('a server that never answers: retries stop once the call has used two request timeouts, whatever the attempts allow', async () => {
  const server = servers['silent']!;
  const target = testTarget({ endpointUrl: server.endpoint, timeoutMs: 200, maxAttempts: 10 });
  const clients = createGradingClients(target);
  try {
    const error = userPoolsError(await collectSnapshot(clients, target, lab, labBundle));
    assert.equal(error.kind, 'timeout');
  } finally {
    destroyGradingClients(clients);
  }
  // Each attempt ends no sooner than its 200 ms timeout, and none starts 400 ms or more after the first.
  const attempts = server.requests.filter((request) => String(request.headers['x-amz-target']).endsWith('.ListUserPools')).length;
  assert.ok(attempts >= 1 && attempts <= 2, `${attempts} attempts`);
});

for (const name of ['huge', 'declaredHuge'] as const) {
  test(`an answer over ${MAX_RESPONSE_BYTES / 1024 / 1024} MB (${name === 'huge' ? 'chunked' : 'by its Content-Length'}): an error naming the call, not read further`, async () => {
    const snapshot = await collectFrom(servers[name]!);
    const error = userPoolsError(snapshot);
    assert.equal(error.operation, 'cognito-idp:ListUserPools');
    assert.equal(error.code, 'ResponseTooLarge');
    assert.equal(error.message, "the answer was larger than 8 MB, more than lab-grader reads from one call");
    // Nothing else changes: the other calls were made and observed as usual.
    assert.equal(snapshot.identity.state, 'found');
  });
}

test('lab-grader grade --timeout: a grade against a server that stalls ends with exit 3, naming the call that hung', async () => {
  const run = await runProcess(['grade', '--endpoint-url', servers['stall']!.endpoint, '--no-probes', '--timeout', '1'], CREDENTIALS);
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /cognito-idp:ListUserPools did not finish within 1 s/);
  assert.match(run.stderr, /--timeout/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
});

test('lab-grader grade --timeout: a stage that stalls stops the probes too, and the process ends', async () => {
  const { endpoint } = servers['stallingStage']!;
  // Killed after 25 s: the probes' own limits (30 s per call) would keep a process that ignored the deadline alive.
  const run = await runProcess(['grade', '--endpoint-url', endpoint, '--stage-url', `${endpoint}/prod`, '--timeout', '2'], CREDENTIALS, 25_000);
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /execute-api:GET \/hello did not finish within 2 s/);
});

test('lab-grader grade --timeout: not a positive number of seconds is bad input', async () => {
  const run = await runProcess(['grade', '--endpoint-url', servers['stall']!.endpoint, '--timeout', '0']);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /--timeout: expected a positive number of seconds/);
});
