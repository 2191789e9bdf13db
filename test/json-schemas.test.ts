// The project's JSON Schemas are valid draft 2020-12 schemas, and the bundled lab spec is valid against its
// schema. The CLI checks neither at start-up (src/json/schema.ts, src/lab/load.ts): compiling the meta-schema
// and the lab schema would be most of its start-up time. They are checked here instead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { compileSchema, validateAgainst } from '../src/json/schema.js';
import { BUNDLED_LAB_SPEC } from '../checks/lab/spec.js';
import labSchema from '../src/lab/lab.schema.json' with { type: 'json' };
import reportSchema from '../src/report/schemas/report.schema.json' with { type: 'json' };
import rosterSchema from '../src/batch/roster.schema.json' with { type: 'json' };
import snapshotSchema from '../src/snapshot/snapshot.schema.json' with { type: 'json' };

test('every schema the CLI validates with is valid against the draft 2020-12 meta-schema', () => {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allowUnionTypes: true });
  for (const [name, schema] of Object.entries({ labSchema, reportSchema, rosterSchema, snapshotSchema })) {
    assert.equal(ajv.validateSchema(schema), true, `${name}: ${JSON.stringify(ajv.errors)}`);
  }
});

test('the meta-schema check is not empty: it refuses a schema with a mistyped keyword value', () => {
  const ajv = new Ajv2020();
  assert.equal(ajv.validateSchema({ type: 'objekt' }), false);
});

test('the bundled lab spec (checks/lab.json) is valid against the lab schema', () => {
  assert.doesNotThrow(() => validateAgainst(compileSchema(labSchema), BUNDLED_LAB_SPEC, 'checks/lab.json', 'lab spec'));
  assert.throws(() => validateAgainst(compileSchema(labSchema), { ...(BUNDLED_LAB_SPEC as object), region: 42 }, 'edited', 'lab spec'), /edited: \/region/);
});
