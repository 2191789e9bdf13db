import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GradeResult } from '../../src/engine/types.js';
import { renderJson, REPORT_SCHEMA, validateReport } from '../../src/report/json.js';
import { fullMarks, HOSTILE, hostile, mixed } from './sample-results.js';

const roundTrip = (result: GradeResult): unknown => JSON.parse(renderJson(result));

test('the report is the GradeResult itself, pretty-printed', () => {
  const text = renderJson(mixed);
  assert.deepEqual(JSON.parse(text), mixed);
  assert.ok(text.startsWith('{\n  "schemaVersion": 2,'));
  assert.ok(text.endsWith('}\n'));
});

test('every sample report validates against the published schema', () => {
  for (const result of [fullMarks, mixed, hostile]) assert.deepEqual(validateReport(roundTrip(result)), []);
});

test('the published schema is a closed draft 2020-12 document', () => {
  const schema = REPORT_SCHEMA as { $schema: string; additionalProperties: boolean };
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.additionalProperties, false);
});

test('the schema rejects unknown fields, wrong enums and a BLOCKED check without its root cause', () => {
  const doc = structuredClone(mixed) as unknown as Record<string, unknown> & GradeResult;
  assert.deepEqual(validateReport({ ...doc, extra: true }), ['/ must NOT have additional properties']);
  const [first] = doc.checks;
  assert.ok(first);
  assert.ok(validateReport({ ...doc, checks: [{ ...first, status: 'SKIPPED' }, ...doc.checks.slice(1)] }).length > 0);
  const blocked = doc.checks.findIndex((check) => check.status === 'BLOCKED');
  const checks = doc.checks.map((check, index) => (index === blocked ? { ...check, blockedBy: null } : check));
  assert.ok(validateReport({ ...doc, checks }).some((problem) => problem.startsWith(`/checks/${blocked}/blockedBy`)));
  assert.ok(validateReport({ ...doc, gradedAt: 'yesterday' }).some((problem) => problem.startsWith('/gradedAt')));
});

test('validateReport also catches totals that disagree with the checks', () => {
  assert.deepEqual(validateReport({ ...mixed, score: 70 }), ["/score 70 is not the sum of the checks' points (63)"]);
  assert.deepEqual(validateReport({ ...mixed, completeness: 'complete' }), ['/completeness must be "incomplete" with 1 ERROR checks']);
  assert.deepEqual(validateReport({ ...mixed, counts: { ...mixed.counts, PASS: 21 } }), ['/counts/PASS is 21, but 19 checks are PASS']);
});

test('the sample plan is not trivial: two causes, a folded symptom, a shared redeployment once and last, one unchecked', () => {
  const { plan } = mixed;
  assert.deepEqual(plan.causes.map((cause) => [cause.checkId, cause.explains.length]), [['app-client-password-auth', 5], ['hello-get-authorized', 1]]);
  assert.equal(plan.commands.length, 3);
  assert.match(plan.commands.at(-1)?.command ?? '', /create-deployment/);
  assert.deepEqual(plan.unchecked, ['lambda-invoke-permission']);
});

test('validateReport also catches a plan that names unknown checks, a cause that is not a FAIL, or unchecked checks that were read', () => {
  const [first, second] = mixed.plan.causes;
  assert.ok(first && second);
  const withPlan = (plan: Partial<GradeResult['plan']>): unknown => ({ ...mixed, plan: { ...mixed.plan, ...plan } });
  assert.deepEqual(validateReport(withPlan({ causes: [{ ...first, checkId: 'function-runtime' }, second] })), [
    '/plan/causes/0 is function-runtime, a PASS check: a cause must be a FAIL',
  ]);
  assert.deepEqual(validateReport(withPlan({ causes: [first, { ...second, explains: ['no-such-check'] }] })), [
    '/plan/causes/1/explains names an unknown check "no-such-check"',
  ]);
  assert.deepEqual(validateReport(withPlan({ commands: [{ command: 'aws sts get-caller-identity', checkIds: ['gone'] }] })), [
    '/plan/commands/0/checkIds names an unknown check "gone"',
  ]);
  assert.deepEqual(validateReport(withPlan({ unchecked: ['hello-get-authorized'] })), [
    '/plan/unchecked/0 is hello-get-authorized, a FAIL check: only ERROR checks are unchecked',
  ]);
  assert.ok(validateReport({ ...mixed, plan: undefined }).some((problem) => problem.includes("must have required property 'plan'")));
});

test('hostile strings survive unchanged as data, but C1 controls and bidi overrides are escaped in the text', () => {
  const text = renderJson(hostile);
  assert.deepEqual(JSON.parse(text), hostile);
  // Raw, only the pretty-printing newlines remain.
  assert.doesNotMatch(text, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  assert.ok(text.includes('\\u009b2J'));
  assert.ok(text.includes(HOSTILE.emoji));
});
