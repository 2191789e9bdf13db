// `lab-grader sandbox` listens on loopback unless told otherwise, says what --allow-remote exposes, and turns
// an address it cannot listen on into one clear paragraph and exit 2.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import { test } from 'node:test';
import { runInProcess } from '../support/cli.js';

const STACK_LINE = /^\s+at /m;

function assertInputError(run: { code: number; stderr: string; stdout: string }, pattern: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /grader bug|Internal error/);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  assert.equal(run.stdout, '');
}

test('--host beyond loopback is refused without --allow-remote', async () => {
  for (const host of ['0.0.0.0', '192.0.2.1', '::']) {
    const run = await runInProcess(['sandbox', '--port', '0', '--host', host]);
    assertInputError(run, new RegExp(`--host ${host.replace(/\./g, '\\.')} is not a loopback address[^]*--allow-remote`));
  }
});

test('--allow-remote listens there, with a warning that anyone reaching the port can run code', async () => {
  const run = await runInProcess(['sandbox', '--port', '0', '--host', '0.0.0.0', '--allow-remote']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^Warning: the sandbox listens on 0\.0\.0\.0\. It runs the code it is sent .* with no authentication/);
  assert.match(run.stdout, /Sandbox listening on http:\/\/0\.0\.0\.0:\d+/);
});

test('loopback hosts need no flag and print no warning', async () => {
  for (const host of ['127.0.0.1', 'localhost', '::1']) {
    const run = await runInProcess(['sandbox', '--port', '0', '--host', host]);
    assert.equal(run.code, 0, `${host}: ${run.stderr}`);
    assert.equal(run.stderr, '');
  }
});

test('a port in use, or an address not on this machine, is exit 2 and one paragraph', async () => {
  const busy: Server = createServer();
  busy.listen(0, '127.0.0.1');
  await once(busy, 'listening');
  const { port } = busy.address() as { port: number };
  try {
    const inUse = await runInProcess(['sandbox', '--port', String(port), '--host', '127.0.0.1']);
    assertInputError(inUse, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: port ${port} is already in use`));
  } finally {
    busy.close();
  }
  const foreign = await runInProcess(['sandbox', '--port', '0', '--host', '192.0.2.1', '--allow-remote']);
  assertInputError(foreign, /cannot listen on 192\.0\.2\.1:0: 192\.0\.2\.1 is not an address of this machine/);
});

test('--allow-origin must be an origin', async () => {
  const run = await runInProcess(['sandbox', '--port', '0', '--allow-origin', 'http://localhost:3000/app']);
  assertInputError(run, /'http:\/\/localhost:3000\/app' is not an origin for --allow-origin/);
});
