// A handler's processes never outlive its worker: children that leave the worker's process group and session
// (setsid), double-forked daemons, children still holding the worker's pipes. stop() and a timeout kill them,
// a worker that exits takes them along, and nothing they hold keeps stop() or an invocation waiting.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { createLambdaRunner } from '../../src/sandbox/runner/runner.js';
import type { FunctionSpec, InvokeResult } from '../../src/sandbox/runner/types.js';

const skip = process.platform === 'linux' ? false : 'only Linux tells a setsid child apart through /proc';
// A hang is the failure these tests look for: let it fail rather than stall the suite.
const options = { skip, timeout: 60_000 };

let versions = 0;
function spec(runtime: 'python3.12' | 'nodejs20.x', source: string, timeoutSeconds = 30): FunctionSpec {
  const python = runtime.startsWith('python');
  const functionArn = 'arn:aws:lambda:us-east-1:000000000000:function:Escape';
  return {
    key: `${functionArn}#${(versions += 1)}`,
    runtime,
    handler: python ? 'lambda_function.lambda_handler' : 'index.handler',
    zip: zipSync({ [python ? 'lambda_function.py' : 'index.js']: strToU8(source) }),
    timeoutSeconds,
    memoryMb: 128,
    environment: {},
    functionName: 'Escape',
    functionArn,
    region: 'us-east-1',
    accountId: '000000000000',
  };
}

/** Alive: signalable and not a zombie (a killed orphan may wait unreaped under a container's init). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: number[]): Promise<number[]> {
  for (let attempt = 0; attempt < 100 && pids.some(isRunning); attempt += 1) await sleep(50);
  return pids.filter(isRunning);
}

const leftovers: number[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'runner-escape-'));

after(() => {
  // A failed test must not leave its escapees running on the machine.
  for (const pid of leftovers) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

function valueOf(result: InvokeResult): number[] {
  assert.equal(result.ok, true, result.payload);
  const pids = JSON.parse(result.payload) as number[];
  leftovers.push(...pids);
  return pids;
}

const PYTHON_ESCAPES = `import os, time

def spin():
    while True:
        time.sleep(0.05)

def lambda_handler(event, context):
    # A child in a session of its own, which keeps the worker's stdout and stderr open.
    child = os.fork()
    if child == 0:
        os.setsid()
        spin()
    # A daemon: fork, setsid, fork again, and the middle process exits.
    r, w = os.pipe()
    middle = os.fork()
    if middle == 0:
        os.setsid()
        daemon = os.fork()
        if daemon == 0:
            spin()
        os.write(w, str(daemon).encode())
        os._exit(0)
    os.waitpid(middle, 0)
    return [child, int(os.read(r, 32))]
`;

test('stop() kills a Python handler’s setsid child and double-forked daemon, and returns', options, async () => {
  const runner = createLambdaRunner();
  const pids = valueOf(await runner.invoke(spec('python3.12', PYTHON_ESCAPES), {}));
  assert.ok(pids.every(isRunning), 'both escaped and run');
  await runner.stop();
  assert.deepEqual(await waitUntilGone(pids), []);
});

test('stop() kills what a Node handler started in a new session from a shell that exited', options, async () => {
  const runner = createLambdaRunner();
  const source = `const { execSync, spawn } = require('node:child_process');
exports.handler = async () => {
  // Holds the worker's pipes, in a session of its own.
  const detached = spawn('sleep', ['600'], { detached: true, stdio: 'inherit' });
  detached.unref();
  const orphan = Number(execSync("sh -c 'setsid sleep 600 >/dev/null 2>&1 & echo $!'").toString());
  return [detached.pid, orphan];
};
`;
  const pids = valueOf(await runner.invoke(spec('nodejs20.x', source), {}));
  assert.ok(pids.every(isRunning), 'both escaped and run');
  await runner.stop();
  assert.deepEqual(await waitUntilGone(pids), []);
});

test('a timeout kills the setsid child of the handler it stops', options, async () => {
  const runner = createLambdaRunner();
  const pidFile = join(scratch, 'timeout-child');
  const source = `import os, time
def lambda_handler(event, context):
    child = os.fork()
    if child == 0:
        os.setsid()
        while True:
            time.sleep(0.05)
    with open(${JSON.stringify(pidFile)}, 'w') as f:
        f.write(str(child))
    time.sleep(60)
`;
  try {
    const result = await runner.invoke(spec('python3.12', source, 1), {});
    assert.equal(result.ok ? undefined : result.timedOut, true, result.payload);
    const child = Number(readFileSync(pidFile, 'utf8'));
    leftovers.push(child);
    assert.deepEqual(await waitUntilGone([child]), []);
  } finally {
    await runner.stop();
  }
});

test('a worker that exits takes its setsid child along, and the invocation still answers', options, async () => {
  const runner = createLambdaRunner();
  const pidFile = join(scratch, 'exit-child');
  const source = `import os, time
def lambda_handler(event, context):
    child = os.fork()
    if child == 0:
        os.setsid()
        while True:
            time.sleep(0.05)
    with open(${JSON.stringify(pidFile)}, 'w') as f:
        f.write(str(child))
    os._exit(3)
`;
  try {
    const result = await runner.invoke(spec('python3.12', source), {});
    assert.equal(result.ok, false);
    assert.match(result.payload, /Runtime exited with error: exit status 3/);
    const child = Number(readFileSync(pidFile, 'utf8'));
    leftovers.push(child);
    assert.deepEqual(await waitUntilGone([child]), []);
  } finally {
    await runner.stop();
  }
});
