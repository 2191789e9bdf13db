// The lab's two curl calls (Activity 10) against the deployed reference solution, through the sandbox's
// API data plane: 200 with the lab's body for an ID token, 401 without one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { request } from 'undici';
import { createReferenceClients, destroyReferenceClients } from '../../reference-solution/clients.js';
import type { ReferenceOutputs } from '../../reference-solution/config.js';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { labSandbox, sandboxConfig } from './helpers.js';
import { loadLabSpec } from '../../checks/index.js';

let sandbox: RunningSandbox;
let lab: LabSpec;
let outputs: ReferenceOutputs;

before(async () => {
  sandbox = await labSandbox();
  lab = await loadLabSpec();
  outputs = await deployReferenceSolution(sandboxConfig(sandbox));
});
after(() => sandbox.stop());

async function idToken(): Promise<string> {
  const clients = createReferenceClients(sandboxConfig(sandbox));
  try {
    const auth = await clients.cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: outputs.clientId, AuthParameters: { USERNAME: lab.names.username, PASSWORD: lab.password } }),
    );
    const token = auth.AuthenticationResult?.IdToken;
    assert.ok(token, 'Cognito issued an ID token');
    return token;
  } finally {
    destroyReferenceClients(clients);
  }
}

test('with the ID token (Bearer): 200 and the lab body naming testuser', async () => {
  const response = await request(outputs.helloUrl, { headers: { authorization: `Bearer ${await idToken()}` } });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(await response.body.json(), { message: 'Hello from secured API!', user: 'testuser' });
});

test('without a token: 401 Unauthorized', async () => {
  const response = await request(outputs.helloUrl);
  assert.equal(response.statusCode, 401);
  assert.deepEqual(await response.body.json(), { message: 'Unauthorized' });
});
