// Hostile text in every field a collector copies from the account, graded and written in every format: each report
// stays valid and carries none of it raw. And the class outputs, with hostile names and errors.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { catalogue, labBundle, loadLabSpec } from '../../checks/index.js';
import { completeSnapshot } from '../../fixtures/complete.js';
import { mutate } from '../../fixtures/mutate.js';
import { checkInfos, type ClassRecord } from '../../src/batch/class-record.js';
import { renderCombinedJunit } from '../../src/batch/combined-junit.js';
import { studentDir } from '../../src/batch/grade-student.js';
import { GRADEBOOK_COLUMNS, renderGradebook } from '../../src/batch/gradebook.js';
import { causeFor, errorOutcome, gradedOutcome, type StudentOutcome } from '../../src/batch/outcome.js';
import { renderSummaryHtml } from '../../src/batch/summary-html.js';
import { summarize } from '../../src/batch/summary.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import type { GradeResult } from '../../src/engine/types.js';
import { writeReports } from '../../src/report/index.js';
import { sanitizeLine } from '../../src/report/sanitize.js';
import type { Observed, Snapshot } from '../../src/snapshot/types.js';
import { validateSnapshot } from '../../src/snapshot/validate.js';
import { deepJson, HOSTILE, HOSTILE_EACH, HOSTILE_HUGE, MARKER } from './hostile-strings.js';
import { assertEveryReportValid, assertGradebookReadsBack, assertJunitValid, assertSummaryHtmlSafe } from './report-invariants.js';
import { replaceField, stringFields } from './string-fields.js';

const lab = await loadLabSpec();
const COMPLETE = completeSnapshot();

function grade(snapshot: Snapshot): GradeResult {
  // As --from-snapshot would read it: a snapshot that is not valid is refused before any check runs.
  const result = gradeSnapshot(validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'hostile'), lab, labBundle, { source: 'snapshot' });
  for (const check of result.checks) assert.notEqual(check.messageId, 'internalError', `${check.id} crashed: ${check.message}`);
  return result;
}

/** Whether account text reached what a learner reads, so that a sweep proves something. */
function reachesReport(result: GradeResult): boolean {
  const texts = [...result.notes, ...result.checks.flatMap((check) => [check.message, check.remediation?.text ?? '', ...(check.remediation?.commands ?? [])])];
  return texts.some((text) => text.includes(MARKER));
}

/** Is it a snapshot a collector could have stored (a valid one)? Renaming `state` or a date's format is not. */
function isValidSnapshot(snapshot: Snapshot): boolean {
  try {
    validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'candidate');
    return true;
  } catch {
    return false;
  }
}

type ObservedPath = readonly [keyof Snapshot, ...string[]];
const OBSERVED_PATHS: readonly ObservedPath[] = [
  ['identity'],
  ...(['pools', 'pool', 'clients', 'client', 'user'] as const).map((key): ObservedPath => ['cognito', key]),
  ['iam', 'role'],
  ['iam', 'attachedPolicies'],
  ...(['function', 'policy', 'integrationFunction'] as const).map((key): ObservedPath => ['lambda', key]),
  ...(['apis', 'api', 'resources', 'authorizers', 'stages', 'deployment'] as const).map((key): ObservedPath => ['apigateway', key]),
  ['probes', 'auth'],
  ...(['noToken', 'bearerIdToken', 'rawIdToken', 'accessToken', 'forgedToken'] as const).map((key): ObservedPath => ['probes', 'http', key]),
];

function withObservation(snapshot: Snapshot, path: ObservedPath, observation: Observed<never>): Snapshot {
  return mutate(snapshot, (draft) => {
    const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, draft as unknown as Record<string, unknown>);
    parent[path.at(-1) as string] = observation;
  });
}

describe('hostile account content in every report format', () => {
  test('each string field and key of a complete lab, in turn, holding every hostile part', () => {
    let graded = 0;
    let reached = 0;
    for (const field of stringFields(COMPLETE)) {
      const snapshot = replaceField(COMPLETE, field, HOSTILE);
      if (!isValidSnapshot(snapshot)) continue;
      const result = grade(snapshot);
      assertEveryReportValid(result);
      graded += 1;
      if (reachesReport(result)) reached += 1;
    }
    assert.ok(graded > 150, `only ${graded} fields swept`);
    assert.ok(reached > 40, `hostile text reached a message for only ${reached} fields`);
  });

  test('errors, skips and absences whose texts are hostile, in every observation', () => {
    const unobserved = (text: string): Observed<never>[] => [
      { state: 'error', error: { kind: 'other', operation: text, code: text, message: text } },
      { state: 'skipped', reason: text },
      { state: 'absent', detail: text },
    ];
    for (const path of OBSERVED_PATHS) {
      for (const observation of unobserved(HOSTILE)) assertEveryReportValid(grade(withObservation(COMPLETE, path, observation)));
    }
    // Each part on its own too, where it starts the text: a formula or an escape sequence works only there.
    for (const text of HOSTILE_EACH) {
      for (const observation of unobserved(text)) assertEveryReportValid(grade(withObservation(COMPLETE, ['cognito', 'pool'], observation)));
    }
  });

  test('1 MB values: reports stay valid and the console shows only their start', () => {
    const result = grade(
      mutate(COMPLETE, (draft) => {
        const { function: fn, policy } = draft.lambda;
        if (fn.state === 'found') fn.value.handler = HOSTILE_HUGE;
        if (policy.state === 'found') policy.value.Statement[0]!.Principal = { Service: HOSTILE_HUGE };
        for (const probe of ['noToken', 'bearerIdToken'] as const) {
          const answer = draft.probes.http[probe];
          if (answer.state === 'found') answer.value.body = HOSTILE_HUGE;
        }
        draft.notes.push(HOSTILE_HUGE);
      }),
    );
    assert.ok(reachesReport(result));
    assertEveryReportValid(result);
  });

  test('a body nested 10,000 levels deep is a wrong answer, not a grader crash', () => {
    const deep = deepJson(10_000);
    const result = grade(
      mutate(COMPLETE, (draft) => {
        for (const probe of ['noToken', 'bearerIdToken', 'rawIdToken'] as const) {
          const answer = draft.probes.http[probe];
          if (answer.state === 'found') answer.value.body = deep;
        }
      }),
    );
    const body = result.checks.find((check) => check.id === 'probe-response-body');
    assert.deepEqual([body?.status, body?.messageId], ['FAIL', 'differs']);
    assertEveryReportValid(result);
  });
});

describe('hostile roster names and error texts in the class outputs', () => {
  const graded = grade(replaceField(COMPLETE, { path: ['lambda', 'function', 'value', 'handler'], isKey: false }, HOSTILE));
  const students = [HOSTILE, ...HOSTILE_EACH, HOSTILE_HUGE].map((name, index) => ({ index, studentId: `s${index}`, name, accountId: String(100000000000 + index) }));
  const outcomes: StudentOutcome[] = students.map((student, index) =>
    index % 2 === 0 ? gradedOutcome(student, graded, 1) : errorOutcome(student, student.name, graded.maxScore, 1, new Date(0)),
  );
  const record: ClassRecord = { lab: { id: lab.id, title: HOSTILE, version: HOSTILE }, checks: checkInfos(catalogue), done: outcomes, pending: [] };

  test('gradebook.csv reads back cell for cell, formulas defused', () => {
    const expected = [
      [...GRADEBOOK_COLUMNS, ...record.checks.map((check) => check.id)],
      ...outcomes.map((outcome) => [
        outcome.student.studentId,
        sanitizeLine(outcome.student.name ?? ''),
        outcome.student.accountId,
        outcome.score === null ? '' : String(outcome.score),
        String(outcome.maxScore),
        outcome.score === null ? '' : String(Math.round((outcome.score / outcome.maxScore) * 1000) / 10),
        outcome.status,
        sanitizeLine(causeFor(outcome)),
        ...record.checks.map((check) => outcome.checks[check.id] ?? ''),
      ]),
    ];
    assertGradebookReadsBack(renderGradebook(record), expected);
  });

  test('summary.html has no markup from a name or an error, and shows them escaped', () => {
    const html = renderSummaryHtml(record, summarize(record));
    assertSummaryHtmlSafe(html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('the combined junit.xml is well-formed, one suite per student', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'lab-grader-hostile-class-'));
    try {
      for (const outcome of outcomes.filter((candidate) => candidate.status === 'graded')) {
        await writeReports(graded, ['junit'], studentDir(outDir, outcome.student.studentId));
      }
      const doc = assertJunitValid(await renderCombinedJunit(record, outDir), 'the class junit.xml') as { testsuites: { testsuite: unknown[] } };
      assert.equal(doc.testsuites.testsuite.length, outcomes.length);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
