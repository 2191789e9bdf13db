// A learner with two of something (pools, APIs, clients of the lab's name) is graded on the one the evidence
// picks out. When the evidence that picks it could not be read (throttled past the SDK's retries), the grader
// must not guess: picking the newest instead grades a pool, API or client the learner may not use, and with it
// a FAIL they did not earn (the probes sign in to a pool the authorizer does not trust: 401). Mocked, because
// only one call of a service must fail; the errors are what the SDK throws once its retries are spent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GetAuthorizersCommand, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { DescribeUserPoolClientCommand, ListUserPoolClientsCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { labBundle } from '../../checks/index.js';
import { collectSnapshot } from '../../src/pipeline/take-snapshot.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { lab, testTarget } from '../collect/support/grading.js';
import { API_ID, awsError, CLIENT_ID, mockCompleteAccount, POOL_ID } from '../collect/support/mock-account.js';

const throttled = (): Error => awsError('TooManyRequestsException', 'Too Many Requests', 429);
const older = new Date('2025-01-01T00:00:00Z');
const newer = new Date('2025-02-01T00:00:00Z');

function statusOf(snapshot: Snapshot, checkId: string): string {
  const check = gradeSnapshot(snapshot, lab, labBundle, { source: 'live' }).checks.find((candidate) => candidate.id === checkId);
  return `${check?.status} ${check?.messageId}`;
}

/** Two pools of the lab's name; the authorizer uses the older one (POOL_ID). */
function twoPools() {
  const account = mockCompleteAccount();
  account.mocks.cognito.on(ListUserPoolsCommand).resolves({
    UserPools: [
      { Id: POOL_ID, Name: 'MyAPIUserPool', CreationDate: older },
      { Id: 'us-east-1_Newer0000', Name: 'MyAPIUserPool', CreationDate: newer },
    ],
  });
  return account;
}

test('two pools, authorizers readable: the pool the authorizer uses is graded (the control)', async () => {
  const { clients } = twoPools();
  const snapshot = await collectSnapshot(clients, testTarget(), lab, labBundle);
  assert.equal(snapshot.cognito.poolChoice?.chosen, POOL_ID);
  assert.equal(snapshot.cognito.poolChoice?.reason, 'referenced-by-authorizer');
});

test('two pools, authorizers throttled: no pool is chosen; the pool checks ERROR', async () => {
  const { clients, mocks } = twoPools();
  mocks.apigateway.on(GetAuthorizersCommand).rejects(throttled());
  const snapshot = await collectSnapshot(clients, testTarget(), lab, labBundle);
  assert.equal(snapshot.cognito.poolChoice, null);
  assert.equal(snapshot.cognito.pool.state === 'error' && snapshot.cognito.pool.error.kind, 'throttled');
  assert.equal(snapshot.cognito.client.state, 'skipped');
  assert.equal(statusOf(snapshot, 'user-pool-exists'), 'ERROR observationError');
});

test('two pools, the API list throttled: no pool is chosen', async () => {
  const { clients, mocks } = twoPools();
  mocks.apigateway.on(GetRestApisCommand).rejects(throttled());
  const snapshot = await collectSnapshot(clients, testTarget(), lab, labBundle);
  assert.equal(snapshot.cognito.poolChoice, null);
  assert.equal(snapshot.cognito.pool.state, 'error');
});

test('one pool, authorizers throttled: the pool is graded (there is nothing to choose)', async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.apigateway.on(GetAuthorizersCommand).rejects(throttled());
  const snapshot = await collectSnapshot(clients, testTarget(), lab, labBundle);
  assert.equal(snapshot.cognito.pool.state === 'found' && snapshot.cognito.pool.value.id, POOL_ID);
});

test("two APIs, one's stages throttled: no API is chosen (which has the prod stage is unknown)", async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.apigateway
    .on(GetRestApisCommand)
    .resolves({ items: [{ id: API_ID, name: 'SecureAPI', createdDate: older }, { id: 'newer00000', name: 'SecureAPI', createdDate: newer }] })
    .on(GetStagesCommand, { restApiId: 'newer00000' })
    .rejects(throttled());
  const snapshot = await collectSnapshot(clients, testTarget(), lab, labBundle);
  assert.equal(snapshot.apigateway.apiChoice, null);
  assert.equal(snapshot.apigateway.api.state === 'error' && snapshot.apigateway.api.error.operation, 'apigateway:GetStages');
  assert.equal(statusOf(snapshot, 'rest-api-exists'), 'ERROR observationError');
});

test('two clients, one not described (throttled): no client is chosen', async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.cognito
    .on(ListUserPoolClientsCommand)
    .resolves({ UserPoolClients: [{ ClientId: CLIENT_ID, ClientName: 'APIClient' }, { ClientId: 'newerclient', ClientName: 'APIClient' }] })
    .on(DescribeUserPoolClientCommand, { ClientId: 'newerclient' })
    .rejects(throttled());
  const snapshot = await collectSnapshot(clients, testTarget(), lab, labBundle);
  assert.equal(snapshot.cognito.clientChoice, null);
  assert.equal(snapshot.cognito.client.state, 'error');
  assert.equal(statusOf(snapshot, 'app-client-exists'), 'ERROR observationError');
});
