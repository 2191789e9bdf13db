// What the runner README claims about a handler's view of the sandbox's environment: its own environment holds
// none of the sandbox's variables, but the sandbox's environment stays readable through /proc by the same user,
// unless the sandbox was started without it.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';

const skip = process.platform === 'linux' ? false : 'reads /proc';
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A sandbox-like Node process with `env` runs one Python handler that looks for the secret both ways. */
async function handlerSees(env: Record<string, string>): Promise<{ ownEnvironment: boolean; parentEnvironment: boolean }> {
  const source =
    'import os\\ndef lambda_handler(event, context):\\n' +
    "    parent = open('/proc/%d/environ' % os.getppid(), 'rb').read()\\n" +
    "    return {'ownEnvironment': 'SANDBOX_SECRET' in os.environ, 'parentEnvironment': b'SANDBOX_SECRET=' in parent}\\n";
  const script = `
    const { createLambdaRunner } = await import('./src/sandbox/runner/runner.ts');
    const { zipSync, strToU8 } = await import('fflate');
    const runner = createLambdaRunner();
    const spec = { key: 'isolation', runtime: 'python3.12', handler: 'lambda_function.lambda_handler', timeoutSeconds: 30, memoryMb: 128,
      environment: {}, functionName: 'Isolation', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:Isolation', region: 'us-east-1',
      accountId: '000000000000', zip: zipSync({ 'lambda_function.py': strToU8("${source}") }) };
    console.log((await runner.invoke(spec, {})).payload);
    await runner.stop();
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, env });
  return JSON.parse(stdout) as { ownEnvironment: boolean; parentEnvironment: boolean };
}

test('a handler’s environment holds no sandbox secret, but /proc/<parent>/environ does', { skip }, async () => {
  const seen = await handlerSees({ PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', SANDBOX_SECRET: 'hunter2' });
  assert.deepEqual(seen, { ownEnvironment: false, parentEnvironment: true });
});

test('a sandbox started without the secret has none to read', { skip }, async () => {
  const seen = await handlerSees({ PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp' });
  assert.deepEqual(seen, { ownEnvironment: false, parentEnvironment: false });
});
