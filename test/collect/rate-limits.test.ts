// Rate limits sit on the grading clients: each call of a limited operation waits for its limit before it is
// sent; other operations, and the same operation of another service, do not.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GetResourcesCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createGradingClients, destroyGradingClients, type GradingClients, type RateLimit } from '../../src/target/clients.js';
import { testTarget } from './support/grading.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

let server: LocalServer;
let clients: GradingClients;
/** What reached the server, and when each limit was asked, in order. */
const events: string[] = [];

before(async () => {
  server = await startLocalServer((request, _body, response) => {
    events.push(`sent ${request.method} ${request.url?.split('?')[0]}`);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"item": []}');
    return true;
  });
  const limit = (name: string): RateLimit => ({
    acquire: async () => {
      events.push(`waited ${name}`);
    },
  });
  const rateLimits = new Map([
    ['apigateway:GetResources', limit('apigateway:GetResources')],
    ['sts:GetResources', limit('sts:GetResources')],
  ]);
  clients = createGradingClients(testTarget({ endpointUrl: server.endpoint, maxAttempts: 1 }), { rateLimits });
});
after(async () => {
  destroyGradingClients(clients);
  await server.close();
});

test('a limited operation waits for its limit before each call; the others go straight out', async () => {
  await clients.apigateway.send(new GetRestApisCommand({}));
  await clients.apigateway.send(new GetResourcesCommand({ restApiId: 'a1' }));
  await clients.apigateway.send(new GetResourcesCommand({ restApiId: 'a1', position: 'p2' }));
  await clients.sts.send(new GetCallerIdentityCommand({})).catch(() => undefined);
  assert.deepEqual(events.slice(0, 5), [
    'sent GET /restapis',
    'waited apigateway:GetResources',
    'sent GET /restapis/a1/resources',
    'waited apigateway:GetResources',
    'sent GET /restapis/a1/resources',
  ]);
  assert.ok(!events.includes('waited sts:GetResources'));
});
