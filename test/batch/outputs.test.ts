// The class outputs from made-up outcomes: CSV escaping and formula injection, the summary's numbers, the
// combined JUnit file being well-formed, and hostile names escaped in the HTML page.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { renderCombinedJunit } from '../../src/batch/combined-junit.js';
import { csvCell, formatCsv, parseCsv } from '../../src/batch/csv.js';
import { renderGradebook } from '../../src/batch/gradebook.js';
import { errorOutcome } from '../../src/batch/outcome.js';
import { createBatchProgress, renderClassTable } from '../../src/batch/progress.js';
import { renderSummaryHtml } from '../../src/batch/summary-html.js';
import { summarize } from '../../src/batch/summary.js';
import { CHECKS, errorStudent, gradedStudent, record } from './support/outcomes.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes'`;

describe('class outputs', () => {
  test('CSV cells: quoted when needed, formulas neutralised, and parseCsv reads back what formatCsv wrote', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(csvCell(formula).replace(/^"/, '')[0], "'", formula);
    assert.equal(csvCell('=A1,B1'), `"'=A1,B1"`);
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(null), '');
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(formatCsv(rows)).records.map((record) => record.fields);
        const expected = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
        // A row of one empty cell is a blank line, which a reader skips.
        assert.deepEqual(parsed, expected.filter((row) => !(row.length === 1 && row[0] === '')));
      }),
    );
  });

  test('the gradebook has a row per student and a column per check', () => {
    const text = renderGradebook(record([gradedStudent(1, '=cmd|calc', 100), errorStudent(2, 'Bob, "B"', '-denied')]));
    const [header, first, second] = parseCsv(text).records.map((r) => r.fields);
    assert.equal(header?.length, 8 + CHECKS.length);
    assert.deepEqual(first?.slice(0, 8), ['s1', "'=cmd|calc", '100000000001', '100', '100', '100', 'graded', '']);
    assert.ok(first?.slice(8).every((status) => status === 'PASS'));
    assert.deepEqual(second?.slice(0, 8), ['s2', 'Bob, "B"', '100000000002', '', '100', '', 'error', "'-denied"]);
    assert.ok(second?.slice(8).every((status) => status === ''));
  });

  test('gradebook: the roster\'s other columns after the fixed ones, a short error cell, and a BOM for Excel on request', () => {
    const ada = { ...gradedStudent(1, 'José', 100) };
    ada.student = { ...ada.student, extra: { email: 'jose@uni.example', sis_id: '=42' } };
    const bob = errorStudent(2, 'Bob', `lab-grader cannot grade: ${'a long explanation '.repeat(40)}`);
    bob.student = { ...bob.student, extra: { email: 'bob@uni.example' } };
    const plain = renderGradebook(record([ada, bob]));
    assert.ok(!plain.startsWith('\ufeff'), 'no BOM by default');
    const [header, first, second] = parseCsv(plain).records.map((r) => r.fields);
    assert.deepEqual(header?.slice(0, 10), ['student_id', 'name', 'account_id', 'score', 'max_score', 'percent', 'status', 'error', 'email', 'sis_id']);
    assert.deepEqual(header?.slice(10), CHECKS.map((check) => check.id));
    assert.deepEqual(first?.slice(8, 10), ['jose@uni.example', "'=42"]);
    assert.deepEqual(second?.slice(8, 10), ['bob@uni.example', '']);
    assert.ok(Array.from(second?.[7] ?? '').length <= 160, second?.[7]);
    assert.match(second?.[7] ?? '', /^a long explanation .*…$/);
    const excel = renderGradebook(record([ada, bob]), { bom: true });
    assert.equal(excel, `\ufeff${plain}`);
    assert.equal(Buffer.from(excel, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
  });

  test('the summary: counts, distribution, pass rates, errors', () => {
    const summary = summarize(record([gradedStudent(1, null, 100), gradedStudent(2, null, 50), gradedStudent(3, null, 0), errorStudent(4, 'X', 'no role')]));
    assert.deepEqual(summary.counts, { students: 4, graded: 3, error: 1, pending: 0, incomplete: 0, fullMarks: 1 });
    assert.deepEqual(summary.distribution.map((bin) => bin.count), [1, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    assert.deepEqual(summary.scores, { mean: 50, median: 50, min: 0, max: 100 });
    assert.equal(summary.checks[0]?.passRate, 0.67);
    assert.equal(summary.checks.at(-1)?.passRate, 0.33);
    assert.deepEqual(summary.errors, [{ studentId: 's4', name: 'X', accountId: '100000000004', cause: 'no role', error: 'no role' }]);
  });

  test('the combined JUnit is well-formed XML with a suite per student, hostile text escaped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-grader-junit-'));
    try {
      const xml = await renderCombinedJunit(record([errorStudent(1, HOSTILE, `${HOSTILE}\u001b[31m]]>`), errorStudent(2, null, 'x')]), dir);
      assert.equal(XMLValidator.validate(xml), true);
      assert.equal(xml.match(/<testsuite /g)?.length, 2);
      assert.match(xml, /<testsuites name="The &lt;Lab&gt; &amp; &quot;Title&quot;" tests="2" failures="0" errors="2">/);
      assert.doesNotMatch(xml, /<script>|\u001b/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('summary.html escapes every string from the roster and the accounts, and needs nothing external', () => {
    const html = renderSummaryHtml(
      record([gradedStudent(1, HOSTILE, 10), errorStudent(2, HOSTILE, HOSTILE)]),
      summarize(record([gradedStudent(1, HOSTILE, 10), errorStudent(2, HOSTILE, HOSTILE)])),
    );
    assert.doesNotMatch(html, /<script|<img|onerror=alert\(1\)>/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(html, /&#39;quotes&#39;/);
    assert.doesNotMatch(html, /\ssrc="|url\(|@import/, 'no external asset');
    // The only links: each student's own file, relative, inside the batch folder.
    const links = [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]);
    assert.deepEqual(links, ['students/s1/report.json', 'students/s2/error.txt', 'students/s2/error.txt']);
  });

  test('progress: a plain line per student off a terminal; one rewritten status line with rate and ETA on one', () => {
    let plain = '';
    const lines = createBatchProgress({ write: (chunk: string) => (plain += chunk) }, { tty: false, total: 2 });
    lines.finished(gradedStudent(1, 'Ada\u001b[2J', 100));
    lines.finished(errorStudent(2, null, 'timed out after 120 s'));
    lines.close();
    assert.equal(plain, '[1/2] s1 (Ada): 100/100\n[2/2] s2: error: timed out after 120 s\n');

    let tty = '';
    let clock = 0;
    const status = createBatchProgress({ write: (chunk: string) => (tty += chunk), columns: 200 }, { tty: true, total: 4, minRedrawMs: 0, now: () => clock });
    clock = 1000;
    status.finished(gradedStudent(1, null, 100));
    clock = 2000;
    status.finished(errorStudent(2, null, 'x'));
    status.close();
    const frames = tty.split('\r\u001b[2K').filter(Boolean);
    assert.equal(frames.at(-1), 'Grading: 2/4 done · 1 full marks · 1 could not be graded · 1.0 students/s · ETA 2s');
    assert.ok(tty.endsWith('\r\u001b[2K'), 'the line is cleared at the end');
  });

  test('the class table: the cause of a long error whole, never the paragraph clipped', () => {
    const reason =
      'lab-grader cannot grade: AWS did not accept the credentials from the role arn:aws:iam::100000000002:role/LabGraderReadOnly ' +
      '(AccessDenied: User: arn:aws:iam::999999999999:root is not authorized to perform: sts:AssumeRole on resource: ' +
      `arn:aws:iam::100000000002:role/LabGraderReadOnly). ${'Check the trust policy. '.repeat(20)}`;
    const outcome = errorOutcome(errorStudent(2, 'Bob', reason).student, reason, 100, 1, new Date(0), {
      kind: 'role',
      roleArn: 'arn:aws:iam::100000000002:role/LabGraderReadOnly',
      externalId: 'ext',
    });
    const table = renderClassTable(record([outcome]));
    assert.match(
      table,
      /s2 +Bob +- +error: could not assume arn:aws:iam::100000000002:role\/LabGraderReadOnly: AccessDenied \(the role does not exist, does not trust your account, or wants another ExternalId\)\n/,
    );
    assert.doesNotMatch(table, /more characters|Check the trust policy/);
  });

  test('the class table: a row per student with score and status', () => {
    const table = renderClassTable(record([gradedStudent(1, 'Ada', 100), errorStudent(22, 'Bob', 'AccessDenied')]));
    assert.deepEqual(table.split('\n').filter(Boolean), [
      'student  name  score    status',
      's1       Ada   100/100  graded',
      's22      Bob   -        error: AccessDenied',
    ]);
  });
});
