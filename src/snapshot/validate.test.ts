import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mutate } from '../../fixtures/mutate.js';
import { InputError } from '../errors.js';
import { labBundle, loadLabSpec } from '../../checks/index.js';
import { gradeSnapshot } from '../engine/grade.js';
import { loadSnapshot, NO_STAGE_DEFINITION_REASON, validateSnapshot } from './validate.js';

const COMPLETE = fileURLToPath(new URL('../../fixtures/complete-lab/snapshot.json', import.meta.url));
const complete = JSON.parse(await readFile(COMPLETE, 'utf8')) as Record<string, any>;

function rejects(doc: unknown, message: RegExp): void {
  assert.throws(() => validateSnapshot(doc, 'fixtures/x.json'), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, message);
    return true;
  });
}

test('the complete fixture is a valid snapshot', async () => {
  const snapshot = await loadSnapshot(COMPLETE);
  assert.equal(snapshot.cognito.pool.state, 'found');
});

test("a snapshot saved before the stage's export was read loads, and only the check that needs it cannot be graded", async () => {
  const { stageDefinition: _dropped, ...apigateway } = structuredClone(complete['apigateway']);
  const snapshot = validateSnapshot({ ...structuredClone(complete), apigateway }, 'fixtures/old.json');
  assert.deepEqual(snapshot.apigateway.stageDefinition, { state: 'skipped', reason: NO_STAGE_DEFINITION_REASON });
  const result = gradeSnapshot(snapshot, await loadLabSpec(), labBundle, { source: 'snapshot' });
  const notPassing = result.checks.filter((check) => check.status !== 'PASS').map((check) => `${check.id} ${check.status}`);
  assert.deepEqual(notPassing, ['prod-deployment-current ERROR']);
});

test('an unknown observation state names the file, the JSON pointer and the allowed states', () => {
  rejects(
    mutate(complete, (doc) => (doc['cognito'].pool = { state: 'missing', detail: 'x' })),
    /^fixtures\/x\.json: \/cognito\/pool\/state must be one of found, absent, error, skipped\./,
  );
});

test('a found observation without its value, or with a stray property, is refused', () => {
  rejects(mutate(complete, (doc) => (doc['lambda'].function = { state: 'found' })), /\/lambda\/function is missing the property "value"/);
  rejects(mutate(complete, (doc) => (doc['lambda'].policy.detail = 'x')), /\/lambda\/policy has a property that does not belong there: "detail"/);
});

test("an observed value of the wrong shape is refused where it is wrong", () => {
  rejects(mutate(complete, (doc) => (doc['cognito'].client.value.hasSecret = 'no')), /\/cognito\/client\/value\/hasSecret must be of type boolean/);
  rejects(mutate(complete, (doc) => (doc['probes'].http.noToken.value.status = 'ok')), /\/probes\/http\/noToken\/value\/status must be of type integer/);
  rejects(mutate(complete, (doc) => (doc['iam'].role = { state: 'error', error: { kind: 'forbidden', operation: 'iam:GetRole', code: 'x', message: 'y' } })), /\/iam\/role\/error\/kind must be one of access-denied, /);
});

test('closed objects refuse unknown properties', () => {
  rejects(mutate(complete, (doc) => (doc['apigateway'].extra = 1)), /\/apigateway has a property this version does not know: "extra"/);
});

test('another schema version gets its own message', () => {
  rejects({ ...complete, schemaVersion: 2 }, /has \/schemaVersion 2, but this lab-grader reads snapshot schema version 1/);
  rejects({ takenAt: 'x' }, /has no \/schemaVersion/);
  rejects([], /must be a JSON object, but this file holds an array/);
});

test('a missing file or malformed JSON is an InputError naming the file', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'snapshot-'));
  const broken = join(folder, 'broken.json');
  await writeFile(broken, '{"schemaVersion": 1,');
  await assert.rejects(loadSnapshot(join(folder, 'nope.json')), (error: unknown) => error instanceof InputError && /nope\.json: cannot load the snapshot: the file does not exist/.test(error.message));
  await assert.rejects(loadSnapshot(broken), (error: unknown) => error instanceof InputError && /broken\.json: the snapshot is not valid JSON/.test(error.message));
});
