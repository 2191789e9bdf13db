// AWS's delays and deprecations, as the sandbox's fidelity options model them: the reference solution waits
// out IAM propagation (saying what it waits for) and does not use the blocked python3.9.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { withReferenceClients } from '../../reference-solution/clients.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { collectLog, labSandbox, sandboxConfig } from './helpers.js';

let sandbox: RunningSandbox;

before(async () => {
  sandbox = await labSandbox({ iamPropagationDelaySeconds: 3, runtimeDeprecation: true });
});
after(() => sandbox.stop());

test('deploys despite a 3 s IAM propagation delay and blocked deprecated runtimes, naming each retry', async () => {
  const { lines, log } = collectLog();
  const outputs = await deployReferenceSolution(sandboxConfig(sandbox, undefined, log));
  const retries = lines.filter((line) => line.startsWith('CreateFunction HelloWorldFunction: waiting for IAM to let Lambda assume the role lambda-execution-role'));
  assert.ok(retries.length >= 1, `the log names the wait:\n${lines.join('\n')}`);
  assert.match(retries[0] ?? '', /The role defined for the function cannot be assumed by Lambda\..*retry 1 of \d+ in 1s/);
  const runtime = await withReferenceClients(sandboxConfig(sandbox), async (clients) =>
    (await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }))).Configuration?.Runtime,
  );
  assert.equal(runtime, 'python3.13');
  assert.ok(outputs.functionArn.endsWith(':function:HelloWorldFunction'));
});
