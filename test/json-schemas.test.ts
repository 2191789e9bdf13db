// The project's JSON Schemas are valid draft 2020-12 schemas. src/json/schema.ts compiles them without checking
// them against the meta-schema (that check compiled the meta-schema at every start of the CLI): it is done here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
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
