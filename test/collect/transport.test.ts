// What collectSnapshot records when the wire itself fails, with the real HTTP handler and credential providers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { collectSnapshot } from '../../src/pipeline/take-snapshot.js';
import { CannotGradeError } from '../../src/errors.js';
import { createGradingClients, destroyGradingClients } from '../../src/target/clients.js';
import { resolveTarget, type Target } from '../../src/target/target.js';
import { lab, testTarget } from './support/grading.js';
import { setEnv } from './support/env.js';
import { startLocalServer, stsErrorXml, type LocalServer } from './support/local-server.js';
import { labBundle } from '../../checks/index.js';

let silent: LocalServer;
let rejecting: LocalServer;
const scratch = mkdtempSync(join(tmpdir(), 'lab-grader-creds-'));

before(async () => {
  // Accepts every request and never answers.
  silent = await startLocalServer(() => false);
  rejecting = await startLocalServer((_request, _body, response) => {
    response.writeHead(403, { 'content-type': 'text/xml' }).end(stsErrorXml('InvalidClientTokenId', 'The security token included in the request is invalid.'));
    return true;
  });
});
after(async () => {
  await Promise.all([silent.close(), rejecting.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

async function collectWith(target: Target) {
  const clients = createGradingClients(target);
  try {
    return await collectSnapshot(clients, target, lab, labBundle);
  } finally {
    destroyGradingClients(clients);
  }
}

async function assertUnreachable(target: Target, code: RegExp): Promise<void> {
  await assert.rejects(collectWith(target), (error: unknown) => {
    assert.ok(error instanceof CannotGradeError, String(error));
    assert.match(error.message, new RegExp(`could not reach ${target.endpoint}`));
    assert.match(error.message, code);
    assert.match(error.message, /Nothing was graded/);
    return true;
  });
}

test('a server that never answers: the calls time out and the grade stops as "cannot grade"', async () => {
  await assertUnreachable(testTarget({ endpointUrl: silent.endpoint, timeoutMs: 300, maxAttempts: 1 }), /sts:GetCallerIdentity: .*time/i);
});

test('nothing listening: the grade stops as "cannot grade", naming the endpoint', async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
  await assertUnreachable(testTarget({ endpointUrl: `http://127.0.0.1:${closedPort}`, maxAttempts: 1 }), /ECONNREFUSED|connect/i);
});

test('STS rejects the credentials: CannotGradeError, without the keys', async () => {
  await assert.rejects(collectWith(testTarget({ endpointUrl: rejecting.endpoint, maxAttempts: 1 })), (error: unknown) => {
    assert.ok(error instanceof CannotGradeError);
    assert.match(error.message, /InvalidClientTokenId/);
    assert.match(error.message, /default credential chain/);
    assert.ok(!error.message.includes('testing'));
    return true;
  });
});

test('a profile that does not exist: CannotGradeError naming it, and no request sent', async (t) => {
  // Empty AWS configuration: the profile cannot be found.
  t.after(setEnv({ AWS_CONFIG_FILE: join(scratch, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'credentials') }));
  const target = resolveTarget({ region: 'us-east-1', profile: 'no-such-profile', endpointUrl: rejecting.endpoint, maxAttempts: 1 });
  const before = rejecting.requests.length;
  await assert.rejects(collectWith(target), (error: unknown) => {
    assert.ok(error instanceof CannotGradeError);
    assert.match(error.message, /profile "no-such-profile"/);
    assert.match(error.message, /aws configure --profile no-such-profile/);
    return true;
  });
  assert.equal(rejecting.requests.length, before);
});
