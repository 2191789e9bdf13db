// The reference solution's creates are not repeated blindly: when a create's answer is lost (held past the
// client's timeout, or the connection dropped after AWS made the resource), the deploy finds what it made
// instead of making a second one; when the request never reached AWS, it creates again.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import { ListUserPoolClientsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createReferenceClients, destroyReferenceClients } from '../../reference-solution/clients.js';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { loadLabSpec } from '../../checks/index.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { referenceConfigFor } from '../../src/demo/sandbox-account.js';
import { listenOnLoopback } from '../collect/support/local-server.js';
import { ACCOUNT, collectLog, labResources, labSandbox, REGION, sandboxConfig } from './helpers.js';

/** What the proxy does to the first request of an operation. */
type Fault = 'hold-answer' | 'drop-after' | 'drop-before';

/** The operation a request is, for the services the deploy creates with. */
function operationOf(request: IncomingMessage, body: string): string {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return target.slice(target.indexOf('.') + 1);
  if (request.method === 'POST' && request.url === '/restapis') return 'CreateRestApi';
  return new URLSearchParams(body).get('Action') ?? `${request.method} ${request.url}`;
}

interface FaultyProxy {
  endpoint: string;
  /** How many requests of each operation reached the sandbox. */
  forwarded: Map<string, number>;
  close(): Promise<void>;
}

/** Forwards every request to `upstream`, except that the first request of each faulty operation meets its fault. */
async function faultyProxy(upstream: string, faults: Record<string, Fault>): Promise<FaultyProxy> {
  const forwarded = new Map<string, number>();
  const faulted = new Set<string>();
  let upstreamIdle = Promise.resolve();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = operationOf(request, body.toString());
      const fault = faulted.has(operation) ? undefined : faults[operation];
      if (fault) faulted.add(operation);
      if (fault === 'drop-before') return void request.socket.destroy();
      // One request at a time reaches the sandbox, so a look-up sent after a timed-out create sees what the
      // create made, however slowly the sandbox made it (on AWS, what a create does is done by then, or soon).
      upstreamIdle = upstreamIdle.then(
        () =>
          new Promise<void>((done) => {
            forwarded.set(operation, (forwarded.get(operation) ?? 0) + 1);
            forward(upstream, request, body, (answer, answerBody) => {
              done();
              // The sandbox has made the resource: the client never learns it.
              if (fault === 'drop-after') return void request.socket.destroy();
              if (fault === 'hold-answer') return;
              response.writeHead(answer.statusCode ?? 500, answer.headers).end(answerBody);
            });
          }),
      );
    });
  });
  return { ...(await listenOnLoopback(server)), forwarded };
}

function forward(upstream: string, request: IncomingMessage, body: Buffer, answer: (response: IncomingMessage, body: Buffer) => void): void {
  const url = new URL(request.url ?? '/', upstream);
  const outgoing = httpRequest(url, { method: request.method, headers: request.headers }, (response) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => answer(response, Buffer.concat(chunks)));
  });
  outgoing.end(body);
}

let sandbox: RunningSandbox;
let proxy: FaultyProxy;

before(async () => {
  sandbox = await labSandbox();
  proxy = await faultyProxy(sandbox.url, {
    CreateUserPool: 'hold-answer',
    CreateRestApi: 'drop-after',
    CreateUserPoolClient: 'drop-before',
  });
});
after(async () => {
  await proxy.close();
  await sandbox.stop();
});

test('creates whose answers are lost: the deploy finishes with exactly one of each resource', async () => {
  const lab = await loadLabSpec();
  const log = collectLog();
  // A short request timeout, so the held answer times out quickly.
  const config = referenceConfigFor({ endpoint: proxy.endpoint, accountId: ACCOUNT, region: REGION });
  const outputs = await deployReferenceSolution({ ...config, log: log.log, requestTimeoutMs: 3_000 });

  // Held and dropped after the sandbox made them: sent once, found by name afterwards.
  assert.equal(proxy.forwarded.get('CreateUserPool'), 1);
  assert.equal(proxy.forwarded.get('CreateRestApi'), 1);
  assert.ok(log.lines.includes(`user pool ${lab.names.userPool}: the lost create had made it`), log.lines.join('\n'));
  assert.ok(log.lines.includes(`REST API ${lab.names.api}: the lost create had made it`), log.lines.join('\n'));
  // Dropped before it reached the sandbox: nothing was made, so it was created on the next attempt.
  assert.equal(proxy.forwarded.get('CreateUserPoolClient'), 1);

  const clients = createReferenceClients(sandboxConfig(sandbox));
  try {
    const resources = await labResources(clients, lab);
    assert.deepEqual(resources.poolIds, [outputs.userPoolId]);
    assert.deepEqual(resources.apiIds, [outputs.apiId]);
    const appClients = (await clients.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: outputs.userPoolId, MaxResults: 60 }))).UserPoolClients ?? [];
    assert.deepEqual(
      appClients.filter((client) => client.ClientName === lab.names.appClient).map((client) => client.ClientId),
      [outputs.clientId],
    );
  } finally {
    destroyReferenceClients(clients);
  }
});
