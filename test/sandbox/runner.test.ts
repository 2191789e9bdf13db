// The Lambda runner end to end: real python3 and node workers running handlers from zips built here.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { AwsError } from '../../src/sandbox/service.js';
import { createLambdaRunner } from '../../src/sandbox/runner/runner.js';
import { LAB_HANDLER_SOURCE as LAB_HANDLER } from '../../reference-solution/lambda/handler-source.js';
import type { FunctionSpec, InvokeResult, LambdaRunner } from '../../src/sandbox/runner/types.js';

// The lab's handler, exactly as LAB.md Activity 6 writes it.

let versions = 0;

function fn(runtime: string, handler: string, files: Record<string, string>, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  const functionName = 'HelloWorldFunction';
  const functionArn = `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`;
  return {
    // Every function built here is its own version, so no test shares a worker with another.
    key: `${functionArn}#${(versions += 1)}`,
    runtime,
    handler,
    zip: zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))),
    timeoutSeconds: 10,
    memoryMb: 128,
    environment: {},
    functionName,
    functionArn,
    region: 'us-east-1',
    accountId: '000000000000',
    ...overrides,
  };
}

const python = (source: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec =>
  fn('python3.9', 'lambda_function.lambda_handler', { 'lambda_function.py': source }, overrides);

const node = (source: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec =>
  fn('nodejs20.x', 'index.handler', { 'index.js': source }, overrides);

function errorOf(result: InvokeResult): Record<string, unknown> {
  assert.equal(result.ok, false, `expected a function error, got ${result.payload}`);
  return JSON.parse(result.payload) as Record<string, unknown>;
}

function valueOf(result: InvokeResult): unknown {
  assert.equal(result.ok, true, `expected success, got ${result.payload}`);
  return JSON.parse(result.payload);
}

/** Running: signalable and not a zombie (a reparented, killed grandchild may wait unreaped in a container). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100 && isRunning(pid); attempt += 1) await sleep(50);
  return !isRunning(pid);
}

describe('Lambda runner', () => {
  let runner: LambdaRunner;
  const savedEnv = { ...process.env };

  before(() => {
    process.env['AWS_SECRET_ACCESS_KEY'] = 'parent-secret-key';
    process.env['SANDBOX_ADMIN_TOKEN'] = 'parent-token';
    runner = createLambdaRunner();
  });

  after(async () => {
    await runner.stop();
    process.env = savedEnv;
  });

  describe('python', () => {
    test("runs the lab's handler with the authorizer's claims", async () => {
      const event = { requestContext: { authorizer: { claims: { 'cognito:username': 'testuser' } } } };
      const result = await runner.invoke(python(LAB_HANDLER), event);
      const response = valueOf(result) as { statusCode: number; body: string };
      assert.equal(response.statusCode, 200);
      assert.deepEqual(JSON.parse(response.body), { message: 'Hello from secured API!', user: 'testuser' });
      // Serialised as Python's json does, spacing included.
      assert.match(result.payload, /^\{"statusCode": 200, "body": /);
    });

    test("answers 'Unknown' when the event has no claims", async () => {
      const response = valueOf(await runner.invoke(python(LAB_HANDLER), { path: '/hello' })) as { body: string };
      assert.equal((JSON.parse(response.body) as { user: string }).user, 'Unknown');
    });

    test('gives the handler a Lambda context, and the request id', async () => {
      const source = `def lambda_handler(event, context):
    return {
        'function_name': context.function_name,
        'memory': context.memory_limit_in_mb,
        'request_id': context.aws_request_id,
        'arn': context.invoked_function_arn,
        'remaining_ok': 0 < context.get_remaining_time_in_millis() <= 3000,
    }
`;
      const result = await runner.invoke(python(source, { timeoutSeconds: 3 }), {}, { requestId: 'req-1234' });
      assert.equal(result.requestId, 'req-1234');
      assert.deepEqual(valueOf(result), {
        function_name: 'HelloWorldFunction',
        memory: '128',
        request_id: 'req-1234',
        arn: 'arn:aws:lambda:us-east-1:000000000000:function:HelloWorldFunction',
        remaining_ok: true,
      });
      assert.match(result.logTail, /^START RequestId: req-1234 Version: \$LATEST\n/);
      assert.match(result.logTail, /END RequestId: req-1234\nREPORT RequestId: req-1234\tDuration: [\d.]+ ms/);
    });

    test("sees the function's and Lambda's variables, never the sandbox's secrets", async () => {
      const source = `import os
def lambda_handler(event, context):
    return dict(os.environ)
`;
      const env = valueOf(await runner.invoke(python(source, { environment: { GREETING: 'hi', AWS_REGION: 'eu-west-1' } }), {})) as Record<string, string>;
      assert.equal(env['GREETING'], 'hi');
      assert.equal(env['AWS_LAMBDA_FUNCTION_NAME'], 'HelloWorldFunction');
      assert.equal(env['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'], '128');
      assert.equal(env['AWS_REGION'], 'us-east-1', 'reserved variables win over the function configuration');
      assert.equal(env['_HANDLER'], 'lambda_function.lambda_handler');
      assert.ok(env['LAMBDA_TASK_ROOT']);
      assert.equal(env['AWS_SECRET_ACCESS_KEY'], undefined);
      assert.equal(env['SANDBOX_ADMIN_TOKEN'], undefined);
    });

    test('reuses a warm worker: same process, module state kept', async () => {
      const source = `import os
count = 0
def lambda_handler(event, context):
    global count
    count += 1
    return {'count': count, 'pid': os.getpid()}
`;
      const spec = python(source);
      const first = await runner.invoke(spec, {});
      const second = await runner.invoke(spec, {});
      const [a, b] = [valueOf(first), valueOf(second)] as { count: number; pid: number }[];
      assert.equal(first.cold, true);
      assert.equal(second.cold, false);
      assert.equal(b!.pid, a!.pid);
      assert.equal(b!.count, 2);
    });

    test('gives a concurrent invocation its own worker', async () => {
      const source = `import os, time
def lambda_handler(event, context):
    time.sleep(0.3)
    return os.getpid()
`;
      const spec = python(source);
      const results = await Promise.all([runner.invoke(spec, {}), runner.invoke(spec, {})]);
      assert.notEqual(valueOf(results[0]!), valueOf(results[1]!));
      assert.deepEqual(results.map((result) => result.cold), [true, true]);
    });

    test('reports an exception as Lambda does, and logs it', async () => {
      const source = `def lambda_handler(event, context):
    print('about to fail')
    raise ValueError('boom')
`;
      const result = await runner.invoke(python(source), {}, { requestId: 'req-err' });
      const error = errorOf(result);
      assert.equal(result.ok ? '' : result.functionError, 'Unhandled');
      assert.equal(error['errorType'], 'ValueError');
      assert.equal(error['errorMessage'], 'boom');
      assert.equal(error['requestId'], 'req-err');
      const trace = error['stackTrace'] as string[];
      assert.ok(trace.some((line) => line.includes('lambda_function.py') && line.includes("raise ValueError('boom')")));
      assert.ok(!trace.some((line) => line.includes('bootstrap.py')), 'the bootstrap is not in the trace');
      assert.match(result.logTail, /about to fail\n\[ERROR\] ValueError: boom\rTraceback/);
    });

    test('kills a handler that runs past its timeout, and the next call works', async () => {
      const source = `import os, time
def lambda_handler(event, context):
    if not event.get('fast'):
        print('pid', os.getpid())
        time.sleep(5)
    return 'done'
`;
      const spec = python(source, { timeoutSeconds: 1 });
      const timedOut = await runner.invoke(spec, {}, { requestId: 'req-slow' });
      const error = errorOf(timedOut);
      assert.match(String(error['errorMessage']), /^\d{4}-\d\d-\d\dT[\d:.]+Z req-slow Task timed out after \d+\.\d\d seconds$/);
      assert.match(timedOut.logTail, /Task timed out after/);
      const pid = Number(/pid (\d+)/.exec(timedOut.logTail)?.[1]);
      assert.ok(await waitUntilGone(pid), 'the timed-out worker is killed');

      const next = await runner.invoke(spec, { fast: true });
      assert.equal(valueOf(next), 'done');
      assert.equal(next.cold, true, 'a fresh worker replaced the killed one');
    });

    test("init is not counted in the function's timeout, as Lambda gives it its own limit", async () => {
      // An import slower than the whole 1 s timeout: on Lambda the call still answers.
      const source = `import time
time.sleep(1.5)
def lambda_handler(event, context):
    return context.get_remaining_time_in_millis()
`;
      const result = await runner.invoke(python(source, { timeoutSeconds: 1 }), {});
      assert.equal(result.ok, true, result.payload);
      assert.ok(Number(valueOf(result)) > 0, `remaining time ${result.payload}`);
    });

    test('reports sys.exit as Runtime.ExitError', async () => {
      const source = `import sys
def lambda_handler(event, context):
    sys.exit(3)
`;
      const result = await runner.invoke(python(source), {}, { requestId: 'req-exit' });
      assert.deepEqual(errorOf(result), {
        errorType: 'Runtime.ExitError',
        errorMessage: 'RequestId: req-exit Error: Runtime exited with error: exit status 3',
      });
    });

    test('reports a missing module as Runtime.ImportModuleError, again on the next call', async () => {
      const spec = python('import module_that_is_not_there\n');
      for (const attempt of [1, 2]) {
        const result = await runner.invoke(spec, {});
        const error = errorOf(result);
        assert.equal(error['errorType'], 'Runtime.ImportModuleError', `attempt ${attempt}`);
        assert.equal(error['errorMessage'], "Unable to import module 'lambda_function': No module named 'module_that_is_not_there'");
        assert.equal(result.cold, true, 'a failed init is retried in a fresh environment');
      }
    });

    test('reports a missing handler function as Runtime.HandlerNotFound', async () => {
      const spec = fn('python3.12', 'lambda_function.handler_typo', { 'lambda_function.py': LAB_HANDLER });
      const error = errorOf(await runner.invoke(spec, {}));
      assert.equal(error['errorType'], 'Runtime.HandlerNotFound');
      assert.equal(error['errorMessage'], "Handler 'handler_typo' missing on module 'lambda_function'");
    });

    test('reports a syntax error as Runtime.UserCodeSyntaxError', async () => {
      const error = errorOf(await runner.invoke(python('def lambda_handler(event, context)\n    return 1\n'), {}));
      assert.equal(error['errorType'], 'Runtime.UserCodeSyntaxError');
      assert.match(String(error['errorMessage']), /^Syntax error in module 'lambda_function': /);
      assert.match((error['stackTrace'] as string[])[0] ?? '', /lambda_function\.py" Line 1/);
    });

    test('bounds the log of a handler printing megabytes, and still answers', async () => {
      const source = `import sys
def lambda_handler(event, context):
    sys.stdout.write('x' * 5000000)
    sys.stderr.write('y' * 100000)
    print('last words')
    return 'done'
`;
      const result = await runner.invoke(python(source), {});
      assert.equal(valueOf(result), 'done');
      assert.ok(Buffer.byteLength(result.logTail) <= 4096, `logTail is ${Buffer.byteLength(result.logTail)} bytes`);
      assert.match(result.logTail, /END RequestId: .*\nREPORT RequestId: /);
    });

    test('reports a result JSON cannot hold as Runtime.MarshalError', async () => {
      const error = errorOf(await runner.invoke(python('def lambda_handler(event, context):\n    return {1, 2}\n'), {}));
      assert.equal(error['errorType'], 'Runtime.MarshalError');
      assert.equal(error['errorMessage'], 'Unable to marshal response: Object of type set is not JSON serializable');
    });

    test('refuses a response above 6 MB as Lambda does', async () => {
      const error = errorOf(await runner.invoke(python("def lambda_handler(event, context):\n    return 'x' * 7000000\n"), {}));
      assert.equal(error['errorType'], 'Function.ResponseSizeTooLarge');
      assert.match(String(error['errorMessage']), /^Response payload size exceeded maximum allowed payload size \(6291556 bytes\)/);
    });
  });

  describe('node', () => {
    test('runs an async handler with a Lambda context and its environment', async () => {
      const source = `exports.handler = async (event, context) => {
  console.log('event', event);
  return {
    echo: event.value,
    functionName: context.functionName,
    memory: context.memoryLimitInMB,
    requestId: context.awsRequestId,
    arn: context.invokedFunctionArn,
    remainingOk: context.getRemainingTimeInMillis() > 0,
    greeting: process.env.GREETING,
    secret: process.env.AWS_SECRET_ACCESS_KEY ?? null,
  };
};
`;
      const result = await runner.invoke(node(source, { environment: { GREETING: 'hi' } }), { value: 42 }, { requestId: 'req-node' });
      assert.deepEqual(valueOf(result), {
        echo: 42,
        functionName: 'HelloWorldFunction',
        memory: '128',
        requestId: 'req-node',
        arn: 'arn:aws:lambda:us-east-1:000000000000:function:HelloWorldFunction',
        remainingOk: true,
        greeting: 'hi',
        secret: null,
      });
      assert.match(result.logTail, /\treq-node\tINFO\tevent \{ value: 42 \}\n/);
    });

    test('runs a callback handler', async () => {
      const source = `exports.handler = (event, context, callback) => {
  setTimeout(() => callback(null, { statusCode: 200, body: 'from callback' }), 10);
};
`;
      assert.deepEqual(valueOf(await runner.invoke(node(source), {})), { statusCode: 200, body: 'from callback' });
    });

    test('runs an ES module handler', async () => {
      const spec = fn('nodejs22.x', 'app.handler', { 'app.mjs': 'export const handler = async () => ({ esm: true });\n' });
      assert.deepEqual(valueOf(await runner.invoke(spec, {})), { esm: true });
    });

    test('reuses a warm worker', async () => {
      const spec = node('let count = 0;\nexports.handler = async () => ({ count: ++count, pid: process.pid });\n');
      const first = await runner.invoke(spec, {});
      const second = await runner.invoke(spec, {});
      assert.deepEqual([first.cold, second.cold], [true, false]);
      const [a, b] = [valueOf(first), valueOf(second)] as { count: number; pid: number }[];
      assert.equal(b!.pid, a!.pid);
      assert.equal(b!.count, 2);
    });

    test('reports a thrown error with its trace, and an error passed to the callback', async () => {
      const thrown = errorOf(await runner.invoke(node("exports.handler = async () => { throw new TypeError('bad input'); };\n"), {}));
      assert.equal(thrown['errorType'], 'TypeError');
      assert.equal(thrown['errorMessage'], 'bad input');
      assert.equal((thrown['trace'] as string[])[0], 'TypeError: bad input');

      const called = errorOf(await runner.invoke(node("exports.handler = (e, c, callback) => callback(new Error('nope'));\n"), {}));
      assert.equal(called['errorType'], 'Error');
      assert.equal(called['errorMessage'], 'nope');
    });

    test('reports process.exit as Runtime.ExitError', async () => {
      const result = await runner.invoke(node('exports.handler = async () => process.exit(2);\n'), {}, { requestId: 'req-nexit' });
      assert.deepEqual(errorOf(result), {
        errorType: 'Runtime.ExitError',
        errorMessage: 'RequestId: req-nexit Error: Runtime exited with error: exit status 2',
      });
    });

    test('reports a missing module, a missing export and a syntax error as the Node runtime does', async () => {
      const missingModule = errorOf(await runner.invoke(fn('nodejs20.x', 'nothere.handler', { 'index.js': '' }), {}));
      assert.equal(missingModule['errorType'], 'Runtime.ImportModuleError');
      assert.match(String(missingModule['errorMessage']), /^Error: Cannot find module 'nothere'/);

      const missingExport = errorOf(await runner.invoke(node('exports.other = () => 1;\n'), {}));
      assert.equal(missingExport['errorType'], 'Runtime.HandlerNotFound');
      assert.equal(missingExport['errorMessage'], 'index.handler is undefined or not exported');

      const syntax = errorOf(await runner.invoke(node('exports.handler = async () => {\n'), {}));
      assert.equal(syntax['errorType'], 'Runtime.UserCodeSyntaxError');
      assert.match(String(syntax['errorMessage']), /^SyntaxError: /);
    });

    test('reports a result JSON cannot hold', async () => {
      const source = 'exports.handler = async () => { const loop = {}; loop.self = loop; return loop; };\n';
      const error = errorOf(await runner.invoke(node(source), {}));
      assert.equal(error['errorType'], 'Error');
      assert.equal(error['errorMessage'], 'Unable to stringify response body');
    });

    test('bounds the log of a handler printing megabytes', async () => {
      const source = "exports.handler = async () => { for (let i = 0; i < 50; i++) console.log('z'.repeat(100000)); return 'done'; };\n";
      const result = await runner.invoke(node(source), {});
      assert.equal(valueOf(result), 'done');
      assert.ok(Buffer.byteLength(result.logTail) <= 4096);
    });
  });

  describe('what the machine cannot run', () => {
    test('answers an unsupported runtime with an error naming it', async () => {
      const result = await runner.invoke(fn('java21', 'example.Handler::handleRequest', { 'Handler.class': '' }), {});
      const error = errorOf(result);
      assert.equal(error['errorType'], 'Sandbox.RuntimeUnavailable');
      assert.match(String(error['errorMessage']), /java21/);
    });

    test('answers a missing interpreter with an error naming runtime and command', async () => {
      const local = createLambdaRunner({ pythonCommand: '/nonexistent/python3' });
      try {
        const error = errorOf(await local.invoke(fn('python3.12', 'lambda_function.lambda_handler', { 'lambda_function.py': LAB_HANDLER }), {}));
        assert.equal(error['errorType'], 'Sandbox.RuntimeUnavailable');
        assert.match(String(error['errorMessage']), /python3\.12/);
        assert.match(String(error['errorMessage']), /\/nonexistent\/python3/);
      } finally {
        await local.stop();
      }
    });

    test('answers a package that is not a zip', async () => {
      const spec = { ...python(LAB_HANDLER), zip: strToU8('not a zip') };
      assert.equal(errorOf(await runner.invoke(spec, {}))['errorType'], 'Sandbox.InvalidCode');
    });

    test('rejects an event above 6 MB as Invoke does', async () => {
      await assert.rejects(runner.invoke(python(LAB_HANDLER), { blob: 'x'.repeat(7_000_000) }), (error: unknown) => {
        assert.ok(error instanceof AwsError);
        assert.equal(error.code, 'RequestTooLargeException');
        assert.equal(error.status, 413);
        return true;
      });
    });
  });
});

describe('Lambda runner lifecycle', () => {
  test('waits for a worker when the bound is reached', async () => {
    const runner = createLambdaRunner({ maxWarmWorkers: 1 });
    try {
      const spec = python('import os, time\ndef lambda_handler(event, context):\n    time.sleep(0.2)\n    return os.getpid()\n');
      const results = await Promise.all([runner.invoke(spec, {}), runner.invoke(spec, {})]);
      assert.equal(valueOf(results[0]!), valueOf(results[1]!));
      assert.deepEqual(results.map((result) => result.cold).sort(), [false, true]);
    } finally {
      await runner.stop();
    }
  });

  test('stops an idle worker after idleMs', async () => {
    const runner = createLambdaRunner({ idleMs: 20 });
    try {
      const pid = valueOf(await runner.invoke(python('import os\ndef lambda_handler(event, context):\n    return os.getpid()\n'), {})) as number;
      assert.ok(await waitUntilGone(pid));
    } finally {
      await runner.stop();
    }
  });

  test('stop() leaves no process (nor what handlers spawned) and no folder behind', async () => {
    const runner = createLambdaRunner();
    const spawning = `import os, subprocess
def lambda_handler(event, context):
    child = subprocess.Popen(['sleep', '60'])
    return {'pids': [os.getpid(), child.pid], 'root': os.environ['LAMBDA_TASK_ROOT']}
`;
    const fromPython = valueOf(await runner.invoke(python(spawning), {})) as { pids: number[]; root: string };
    const fromNode = valueOf(await runner.invoke(node('exports.handler = async () => ({ pids: [process.pid], root: process.env.LAMBDA_TASK_ROOT });\n'), {})) as { pids: number[]; root: string };
    const pids = [...fromPython.pids, ...fromNode.pids];
    assert.ok(pids.every(isRunning), 'all running before stop');

    await runner.stop();
    assert.deepEqual(pids.filter(isRunning), []);
    assert.equal(existsSync(fromPython.root), false);
    assert.equal(existsSync(fromNode.root), false);
    await assert.rejects(runner.invoke(python(LAB_HANDLER), {}), /stopped/);
  });

  test('workers die with the sandbox process even without stop()', async () => {
    // A separate Node process creates a runner, invokes once, and exits without stopping it.
    const { zip: _zip, ...spec } = python('');
    const script = `
      const { createLambdaRunner } = await import('./src/sandbox/runner/runner.ts');
      const { zipSync, strToU8 } = await import('fflate');
      const source = "import os\\ndef lambda_handler(event, context):\\n    return [os.getpid(), os.environ['LAMBDA_TASK_ROOT']]\\n";
      const spec = { ...${JSON.stringify(spec)}, zip: zipSync({ 'lambda_function.py': strToU8(source) }) };
      console.log((await createLambdaRunner().invoke(spec, {})).payload);
    `;
    const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot });
    const [pid, root] = JSON.parse(stdout) as [number, string];
    assert.ok(await waitUntilGone(pid), 'the worker was killed on exit');
    assert.equal(existsSync(root), false, 'its folder was removed on exit');
  });
});
