// Teardown removes exactly the lab's resources: after a full deploy, after a half-finished one, on an empty account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateUserPoolCommand, DeleteUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { deployAppClient } from '../../reference-solution/deploy/app-client.js';
import { deployRole } from '../../reference-solution/deploy/role.js';
import { deployTestUser } from '../../reference-solution/deploy/test-user.js';
import { deployUserPool } from '../../reference-solution/deploy/user-pool.js';
import { teardownReferenceSolution } from '../../reference-solution/teardown.js';
import { createReferenceClients, destroyReferenceClients, withReferenceClients } from '../../reference-solution/clients.js';
import { createContext } from '../../reference-solution/context.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { labResources, labSandbox, sandboxConfig } from './helpers.js';
import { loadLabSpec } from '../../checks/index.js';

const EMPTY = { poolIds: [], apiIds: [], functionExists: false, roleExists: false };

describe('teardownReferenceSolution', () => {
  let sandbox: RunningSandbox;
  let lab: LabSpec;

  before(async () => {
    sandbox = await labSandbox();
    lab = await loadLabSpec();
  });
  after(() => sandbox.stop());

  /** What is left of the lab in one account. */
  async function leftIn(account: string) {
    return withReferenceClients(sandboxConfig(sandbox, account), (clients) => labResources(clients, lab));
  }

  test('after a full deploy: the pool, the API, the function and the role are gone', async () => {
    const account = '100000000001';
    const outputs = await deployReferenceSolution(sandboxConfig(sandbox, account));
    const report = await teardownReferenceSolution(sandboxConfig(sandbox, account));
    assert.deepEqual(report, {
      userPoolIds: [outputs.userPoolId],
      apiIds: [outputs.apiId],
      functionName: 'HelloWorldFunction',
      roleName: 'lambda-execution-role',
      detachedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    });
    assert.deepEqual(await leftIn(account), EMPTY);
  });

  test('on an empty account: nothing to do, no error', async () => {
    const report = await teardownReferenceSolution(sandboxConfig(sandbox, '100000000002'));
    assert.deepEqual(report, { userPoolIds: [], apiIds: [], functionName: null, roleName: null, detachedPolicyArns: [] });
  });

  test('after a deploy interrupted after the role: what was made is removed', async () => {
    const account = '100000000003';
    const config = sandboxConfig(sandbox, account);
    await withReferenceClients(config, async (clients) => {
      const ctx = await createContext(clients, config);
      const { userPoolId } = await deployUserPool(ctx);
      await deployAppClient(ctx, userPoolId);
      await deployTestUser(ctx, userPoolId, lab.password);
      await deployRole(ctx);
    });
    const half = await leftIn(account);
    assert.equal(half.poolIds.length, 1);
    assert.deepEqual({ ...half, poolIds: [] }, { ...EMPTY, roleExists: true });
    const report = await teardownReferenceSolution(config);
    assert.equal(report.userPoolIds.length, 1);
    assert.equal(report.roleName, 'lambda-execution-role');
    assert.equal(report.functionName, null);
    assert.deepEqual(report.apiIds, []);
    assert.deepEqual(await leftIn(account), EMPTY);
  });

  test('a deploy after an interrupted one completes it, reusing the pool it made', async () => {
    const account = '100000000004';
    const config = sandboxConfig(sandbox, account);
    const poolId = await withReferenceClients(config, async (clients) => (await deployUserPool(await createContext(clients, config))).userPoolId);
    const outputs = await deployReferenceSolution(config);
    assert.equal(outputs.userPoolId, poolId);
    assert.deepEqual(await leftIn(account), { poolIds: [poolId], apiIds: [outputs.apiId], functionExists: true, roleExists: true });
  });

  test('every pool of the lab name goes (a second run of Activity 3), and nothing of another name', async () => {
    const account = '100000000005';
    const config = sandboxConfig(sandbox, account);
    await deployReferenceSolution(config);
    const clients = createReferenceClients(config);
    try {
      await clients.cognito.send(new CreateUserPoolCommand({ PoolName: lab.names.userPool }));
      const other = (await clients.cognito.send(new CreateUserPoolCommand({ PoolName: 'SomeoneElsesPool' }))).UserPool?.Id;
      const report = await teardownReferenceSolution(config);
      assert.equal(report.userPoolIds.length, 2);
      assert.deepEqual(await leftIn(account), EMPTY);
      await clients.cognito.send(new DeleteUserPoolCommand({ UserPoolId: other }));
    } finally {
      destroyReferenceClients(clients);
    }
  });
});
