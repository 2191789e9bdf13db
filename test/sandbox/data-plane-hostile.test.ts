// Hostile input on the data plane: oversize headers and bodies, forged and mangled tokens. Each gets AWS's
// answer (or, past node's own header limit, a refused request), and the sandbox keeps serving.

import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { sandboxOn } from './helpers.js';
import { LAB_RESPONSE, deployLab, http, type DeployedLab } from './lab-deploy.js';

const UNAUTHORIZED = '{"message":"Unauthorized"}';
const TOO_LARGE = '{"message":"Request Too Long"}';

describe('hostile input on the data plane', () => {
  let sandbox: RunningSandbox;
  let lab: DeployedLab;
  let idToken: string;
  let clockOffsetMs = 0;
  const hello = () => `${lab.stageUrl}/hello`;

  async function stillServing(): Promise<void> {
    const answer = await http(hello(), { headers: { Authorization: idToken } });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.json(), LAB_RESPONSE);
  }

  before(async () => {
    sandbox = await sandboxOn({ clock: () => new Date(Date.now() + clockOffsetMs) });
    lab = await deployLab(sandbox);
    idToken = (await lab.signIn()).IdToken;
  });
  after(() => sandbox.stop());

  test('headers over API Gateway limit (10 KB): 413 Request Too Long', async () => {
    const answer = await http(hello(), { headers: { Authorization: idToken, 'X-Padding': 'p'.repeat(12_000) } });
    assert.equal(answer.status, 413);
    assert.equal(answer.text, TOO_LARGE);
    await stillServing();
  });

  test('a 1 MB header is refused before it reaches the data plane (431 or a closed connection)', async () => {
    const outcome = await http(hello(), { headers: { 'X-Huge': 'h'.repeat(1024 * 1024) } }).then(
      (answer) => answer.status,
      (error: Error) => error.name,
    );
    assert.ok(outcome === 431 || typeof outcome === 'string', `got ${String(outcome)}`);
    await stillServing();
  });

  test('a 20 MB body: 413 Request Too Long', async () => {
    const answer = await http(hello(), { method: 'POST', headers: { Authorization: idToken }, body: Buffer.alloc(20 * 1024 * 1024, 'b') });
    assert.equal(answer.status, 413);
    assert.equal(answer.text, TOO_LARGE);
    await stillServing();
  });

  test('a truncated token: 401', async () => {
    const answer = await http(hello(), { headers: { Authorization: idToken.slice(0, -12) } });
    assert.deepEqual([answer.status, answer.text], [401, UNAUTHORIZED]);
  });

  test('alg none with the real claims: 401', async () => {
    const { kid } = decodeProtectedHeader(idToken);
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid }));
    const payload = base64url.encode(JSON.stringify(decodeJwt(idToken)));
    const answer = await http(hello(), { headers: { Authorization: `${header}.${payload}.` } });
    assert.deepEqual([answer.status, answer.text], [401, UNAUTHORIZED]);
  });

  test('alg HS256 signed with the pool public key as the secret: 401', async () => {
    const jwks = (await http(`${sandbox.url}/${lab.poolId}/.well-known/jwks.json`).then((a) => a.json())) as { keys: Array<Record<string, string>> };
    const { kid } = decodeProtectedHeader(idToken);
    const jwk = jwks.keys.find((key) => key.kid === kid) as Record<string, string>;
    const pem = createPublicKey({ key: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string }, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const forged = await new SignJWT(decodeJwt(idToken)).setProtectedHeader({ alg: 'HS256', kid }).sign(Buffer.from(pem));
    const answer = await http(hello(), { headers: { Authorization: forged } });
    assert.deepEqual([answer.status, answer.text], [401, UNAUTHORIZED]);
  });

  test('a token whose iat is in the future (exp still ahead) passes, as API Gateway checks exp only (UNCONFIRMED)', async () => {
    clockOffsetMs = 30 * 60_000;
    const future = (await lab.signIn()).IdToken;
    clockOffsetMs = 0;
    assert.ok((decodeJwt(future).iat as number) * 1000 > Date.now() + 60_000);
    const answer = await http(hello(), { headers: { Authorization: future } });
    assert.equal(answer.status, 200, answer.text);
    await stillServing();
  });
});
