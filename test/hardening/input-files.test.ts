// Files users hand the grader (a lab spec, a roster, a saved snapshot), fuzzed: the only outcomes are a valid
// result or an InputError naming the file (and, for a roster row, its line), without a stack trace or a password.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { catalogue, labBundle, loadLabSpec } from '../../checks/index.js';
import { completeSnapshot } from '../../fixtures/complete.js';
import { mutate } from '../../fixtures/mutate.js';
import { loadRoster } from '../../src/batch/roster.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import { InputError } from '../../src/errors.js';
import { BUNDLED_LAB_SPEC } from '../../checks/lab/spec.js';
import type { LabSpec } from '../../src/lab/types.js';
import { loadSnapshot } from '../../src/snapshot/validate.js';
import { runInProcess } from '../support/cli.js';
import { deepJson, hostileString } from './hostile-strings.js';
import { assertTerminalSafe } from './report-invariants.js';
import { replaceField, stringFields } from './string-fields.js';

const SEED = 20_260_204;
const RUNS = { numRuns: 150, seed: SEED };
/** What a roster cell's password is made of, so that finding it in a message is certain. */
const PASSWORD_MARK = 'PwSECRET';
const STACK_FRAME = /\n\s+at |\.ts:\d+:\d+/;

const lab = await loadLabSpec();
const SPEC = structuredClone(BUNDLED_LAB_SPEC) as LabSpec;
const COMPLETE = completeSnapshot();

const DEEP_PLACEHOLDER = 'deep JSON goes here';
/** `document` as JSON text, with a value nested 10,000 levels deep where it holds DEEP_PLACEHOLDER (JSON.stringify would overflow). */
function withDeepJson(document: unknown): string {
  return JSON.stringify(document).replace(JSON.stringify(DEEP_PLACEHOLDER), deepJson(10_000));
}

let dir: string;
let fileCount = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-grader-input-files-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function written(extension: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, `input-${(fileCount += 1)}${extension}`);
  await writeFile(path, content);
  return path;
}

/** Runs `load`; any failure must be an InputError that names the file and holds no stack trace. */
async function loadOrRefuse<T>(path: string, load: (path: string) => Promise<T>): Promise<{ value: T } | { message: string }> {
  try {
    return { value: await load(path) };
  } catch (error) {
    assert.ok(error instanceof InputError, `not an InputError: ${error instanceof Error ? error.stack : String(error)}`);
    assert.ok(error.message.startsWith(path), `the message does not start with the file: ${error.message.slice(0, 300)}`);
    assert.doesNotMatch(error.message, STACK_FRAME);
    return { message: error.message };
  }
}

/** Any JSON, any bytes, or the real document with one field replaced or one key renamed. */
function documents(real: unknown): fc.Arbitrary<string | Uint8Array> {
  const fields = stringFields(real);
  const changed = fc
    .tuple(fc.constantFrom(...fields), fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString))
    .map(([field, value]) => JSON.stringify(replaceField(real, field, field.isKey ? String(value) : value)));
  return fc.oneof(
    changed,
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.integer({ min: 30, max: 20_000 }).map(deepJson),
  );
}

describe('the lab spec loader', () => {
  test('any JSON or bytes: a lab spec or an InputError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(documents(SPEC), async (content) => {
        const outcome = await loadOrRefuse(await written('.json', content), (path) => loadLabSpec(path));
        if ('value' in outcome) assert.deepEqual(Object.keys(outcome.value.points).sort(), catalogue.map((check) => check.meta.id).sort());
      }),
      RUNS,
    );
  });

  test('a password written without its quotes is not quoted back', async () => {
    const path = await written('.json', JSON.stringify({ ...SPEC, password: 'Hunter2-Secret' }).replace('"Hunter2-Secret"', 'Hunter2-Secret'));
    const outcome = await loadOrRefuse(path, (file) => loadLabSpec(file));
    assert.ok('message' in outcome);
    assert.doesNotMatch(outcome.message, /Hunter2/);
  });

  test('an expected response body nested 10,000 levels deep is refused, not a crash at every grade', async () => {
    const spec = { ...SPEC, expected: { ...SPEC.expected, responseBody: DEEP_PLACEHOLDER } };
    const outcome = await loadOrRefuse(await written('.json', withDeepJson(spec)), (path) => loadLabSpec(path));
    assert.ok('message' in outcome);
    assert.match(outcome.message, /\/expected\/responseBody\/a\/0\/.* nests more than \d+ levels deep/);
  });

  test('a byte order mark before the JSON is accepted', async () => {
    const outcome = await loadOrRefuse(await written('.json', `\ufeff${JSON.stringify(SPEC)}`), (path) => loadLabSpec(path));
    assert.ok('value' in outcome);
  });
});

describe('the roster loader', () => {
  const ACCOUNT = '123456789012';
  const cell = fc.oneof(
    fc.constantFrom('s1', 's2', 'S1', ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/LabGrader`, 'ext-1', 'us-east-1', 'default', '', ' '),
    fc.nat({ max: 99 }).map((n) => `${PASSWORD_MARK}${n}`),
    hostileString,
    hostileString.map((value) => `"${value.replaceAll('"', '""')}"`),
    fc.constantFrom('"unterminated', 'a"b', '\0', '"\0"', 'x'.repeat(100_000)),
  );
  const header = fc.array(
    fc.oneof(fc.constantFrom('student_id', 'Student ID', 'accountId', 'role_arn', 'external_id', 'profile', 'region', 'password', 'name', 'aws_access_key_id'), hostileString),
    { minLength: 1, maxLength: 8 },
  );
  const csv = fc
    .record({
      bom: fc.boolean(),
      header,
      rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 5 }),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      blankLines: fc.nat({ max: 2 }),
    })
    .map(({ bom, header: names, rows, eol, blankLines }) =>
      (bom ? '\ufeff' : '') + [names.join(','), ...rows.map((row) => row.join(',')), ...Array<string>(blankLines).fill('')].join(eol),
    );

  async function assertRosterOutcome(path: string, content: string | Uint8Array): Promise<void> {
    const outcome = await loadOrRefuse(path, (file) => loadRoster(file));
    if ('value' in outcome) {
      assert.ok(outcome.value.entries.length > 0);
      return;
    }
    assert.doesNotMatch(outcome.message, new RegExp(PASSWORD_MARK), 'a password is echoed');
    const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    // A problem with one row names its line, and that line exists; only whole-file problems name none.
    const line = /^[^\n]* line (\d+):/.exec(outcome.message.slice(path.length));
    if (line) assert.ok(Number(line[1]) >= 1 && Number(line[1]) <= text.split(/\r\n|\r|\n/).length, outcome.message);
    else assert.match(outcome.message, /has no students|roster is empty|not valid JSON|a JSON roster is an array|cannot load/, outcome.message);
  }

  test('any CSV text: quotes, BOM, CRLF, blank lines, huge fields, NUL bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csv, fc.string({ unit: 'binary', maxLength: 200 })), async (content) => {
        await assertRosterOutcome(await written('.csv', content), content);
      }),
      RUNS,
    );
  });

  test('any JSON or bytes', async () => {
    const realRoster = { students: [{ student_id: 's1', account_id: ACCOUNT, role_arn: `arn:aws:iam::${ACCOUNT}:role/LabGrader`, password: `${PASSWORD_MARK}1` }] };
    await fc.assert(
      fc.asyncProperty(documents(realRoster), async (content) => {
        await assertRosterOutcome(await written('.json', content), content);
      }),
      RUNS,
    );
  });
});

describe('the snapshot loader (--from-snapshot)', () => {
  test('any JSON or bytes: a snapshot that grades without a crash, or an InputError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(documents(COMPLETE), async (content) => {
        const outcome = await loadOrRefuse(await written('.json', content), (path) => loadSnapshot(path));
        if (!('value' in outcome)) return;
        const result = gradeSnapshot(outcome.value, lab, labBundle, { source: 'snapshot' });
        for (const check of result.checks) assert.notEqual(check.messageId, 'internalError', `${check.id}: ${check.message}`);
      }),
      RUNS,
    );
  });

  test(
    'a key holding terminal escapes is not printed raw in the error',
    async () => {
      const path = await written('.json', JSON.stringify({ ...COMPLETE, '\x1b]52;c;ZXZpbA==\x07\x1b[2J': 1 }));
      const run = await runInProcess(['grade', '--from-snapshot', path]);
      assert.equal(run.code, 2);
      assertTerminalSafe(run.stderr, 'stderr');
    },
  );

  test('a snapshot nested 10,000 levels deep is refused with exit 2, not an internal error', async () => {
    const deep = mutate(COMPLETE, (draft) => {
      const { policy } = draft.lambda;
      // Inside Principal, which the schema leaves open (IAM's own grammar): only the depth limit stops it.
      if (policy.state === 'found') policy.value.Statement[0]!.Principal = { Service: 'apigateway.amazonaws.com', Nested: DEEP_PLACEHOLDER };
    });
    const path = await written('.json', withDeepJson(deep));
    const run = await runInProcess(['grade', '--from-snapshot', path, '--format', 'json', '--out', join(dir, 'deep-reports')]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /nests more than \d+ levels deep/);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
  });
});
