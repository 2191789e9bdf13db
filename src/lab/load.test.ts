import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { mutate } from '../../fixtures/mutate.js';
import { InputError } from '../errors.js';
import { loadLabSpec } from '../../checks/index.js';
import { BUNDLED_LAB_SPEC } from '../../checks/lab/spec.js';
import type { LabSpec } from './types.js';

const spec = structuredClone(BUNDLED_LAB_SPEC) as LabSpec;
const folder = await mkdtemp(join(tmpdir(), 'lab-spec-'));

async function written(name: string, content: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function refused(path: string, message: RegExp): Promise<void> {
  await assert.rejects(loadLabSpec(path), (error: unknown) => {
    assert.ok(error instanceof InputError, String(error));
    assert.match(error.message, message);
    return true;
  });
}

test('the default spec loads from the package, whatever the working directory', async () => {
  const cwd = process.cwd();
  process.chdir(tmpdir());
  try {
    const lab = await loadLabSpec();
    assert.equal(lab.names.userPool, 'MyAPIUserPool');
    assert.deepEqual(lab, BUNDLED_LAB_SPEC);
  } finally {
    process.chdir(cwd);
  }
});

test("an instructor's spec with other names and points loads", async () => {
  const path = await written('renamed.json', mutate(spec, (s) => Object.assign(s.names, { api: 'MyApi', stage: 'v1' })));
  assert.equal((await loadLabSpec(path)).names.stage, 'v1');
});

test('a missing file, malformed JSON, or a schema violation is an InputError naming the file', async () => {
  await refused(join(folder, 'nope.json'), /nope\.json: cannot load the lab spec: the file does not exist/);
  await refused(await written('broken.json', '{"id": '), /broken\.json: the lab spec is not valid JSON/);
  await refused(await written('no-names.json', { ...spec, names: undefined }), /no-names\.json: \/ is missing the property "names"/);
  await refused(await written('bad-regex.json', mutate(spec, (s) => (s.expected.runtimePattern = '^python(3'))), /\/expected\/runtimePattern must match format "regex"/);
  await refused(await written('bad-points.json', mutate(spec, (s) => (s.points['function-exists'] = 2.5))), /\/points\/function-exists must be of type integer/);
});

test('the points must name exactly the checks of the catalogue', async () => {
  await refused(
    await written('unknown.json', mutate(spec, (s) => (s.points['lambda-logs'] = 1))),
    /unknown\.json: \/points names lambda-logs, which is not a check of this lab-grader/,
  );
  await refused(
    await written('unpriced.json', mutate(spec, (s) => delete s.points['no-open-methods'])),
    /unpriced\.json: \/points has no points for no-open-methods/,
  );
});
