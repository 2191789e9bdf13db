import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGradescopeResults, renderGradescope } from '../../src/report/gradescope.js';
import { fullMarks, hostile, mixed, PASSWORD_AUTH_FIX } from './sample-results.js';

const SPEC_VISIBILITY = ['hidden', 'after_due_date', 'after_published', 'visible'];

test('follows the spec: top-level score is the sum of the tests, every test has score, max_score and status', () => {
  for (const result of [fullMarks, mixed, hostile]) {
    const results = JSON.parse(renderGradescope(result)) as ReturnType<typeof buildGradescopeResults>;
    assert.equal(results.tests.length, result.checks.length);
    assert.equal(results.score, results.tests.reduce((sum, test) => sum + test.score, 0));
    assert.equal(results.score, result.score);
    assert.equal(results.tests.reduce((sum, test) => sum + test.max_score, 0), result.maxScore);
    for (const test of results.tests) {
      assert.equal(typeof test.max_score, 'number');
      assert.ok(test.score >= 0 && test.score <= test.max_score);
      assert.ok(test.status === 'passed' || test.status === 'failed');
      assert.ok(SPEC_VISIBILITY.includes(test.visibility));
      assert.equal(typeof test.output, 'string');
    }
    // Account text must never be rendered as HTML or Markdown.
    assert.equal(results.output_format, 'text');
    assert.equal(results.test_output_format, 'text');
    assert.equal(results.test_name_format, 'text');
  }
});

test('one test per check, numbered "<activity>.<n>", passed only on PASS', () => {
  const { tests } = buildGradescopeResults(mixed);
  assert.deepEqual(
    tests.slice(0, 5).map((test) => test.number),
    ['3.1', '4.1', '4.2', '4.3', '5.1'],
  );
  assert.deepEqual(tests.at(-1)?.number, '10.9');
  mixed.checks.forEach((check, index) => {
    const test = tests[index];
    assert.ok(test);
    assert.equal(test.name, `${check.title} (${check.id})`);
    assert.equal(test.status, check.status === 'PASS' ? 'passed' : 'failed');
    assert.deepEqual(test.tags, [`activity-${check.step}`, check.kind, check.status.toLowerCase()]);
  });
});

test('a FAIL gives its reason and fix, and sends to the plan for the commands; a FAIL another explains names its cause', () => {
  const { tests } = buildGradescopeResults(mixed);
  const testOf = (id: string) => tests.find((candidate) => candidate.name.endsWith(`(${id})`))?.output ?? '';
  const cause = testOf('app-client-password-auth');
  assert.match(cause, /^FAIL\n\nThe app client APIClient allows ADMIN_NO_SRP_AUTH only/);
  assert.match(cause, /Fix: Allow the USER_PASSWORD_AUTH flow on the app client\.\n\nThe commands are under "Next steps" at the top of the results/);
  assert.ok(!cause.includes(PASSWORD_AUTH_FIX));
  assert.match(testOf('probe-unauthenticated-401'), /^FAIL\n\nGET \/hello without a token answered 200\.\n\nFollows from hello-get-authorized: fixing that fixes this too\. The commands are under "Next steps"/);
  assert.doesNotMatch(testOf('probe-unauthenticated-401'), /aws |Fix:/);
  // A PASS with a note is not in the plan: its command stays with it.
  assert.match(testOf('function-runtime'), /\n\naws lambda update-function-configuration --function-name HelloWorldFunction --runtime python3\.13 --region us-east-1/);
});

test('the top-level output ends with the plan: causes, then each command whole on its own line, once, in order', () => {
  const { output } = buildGradescopeResults(mixed);
  const plan = output.slice(output.indexOf('\n\nNext steps\n') + 2);
  assert.ok(output.indexOf('Notes:') < output.indexOf('Next steps'), 'after the summary and notes');
  const lines = plan.split('\n');
  assert.deepEqual(
    lines.filter((line) => line.startsWith('Cause ')),
    ['Cause 1 of 2: App client allows USER_PASSWORD_AUTH (app-client-password-auth)', 'Cause 2 of 2: GET /hello requires the Cognito authorizer (hello-get-authorized)'],
  );
  assert.ok(lines.includes('  Also explains: probe-unauthenticated-401'));
  const commands = lines.flatMap((line, index) => (/^\d+\. for /.test(line) ? [lines[index + 1]] : []));
  assert.deepEqual(commands, mixed.plan.commands.map((entry) => entry.command));
  assert.equal(lines.at(-1), 'Not covered: the grader could not read lambda-invoke-permission; grade again once it can, to see whether it needs a fix too.');
  assert.doesNotMatch(buildGradescopeResults(fullMarks).output, /Next steps/);
});

test('an ERROR does not score 0 silently: its test and the top-level output say the grader could not see it', () => {
  const results = buildGradescopeResults(mixed);
  const test = results.tests.find((candidate) => candidate.name.endsWith('(lambda-invoke-permission)'));
  assert.ok(test);
  assert.equal(test.score, 0);
  assert.match(test.output, /The grader could not observe what this check needs/);
  assert.match(results.output, /^INCOMPLETE GRADE\. This score is incomplete: .*"API Gateway may invoke the function" \(lambda-invoke-permission\)/);
  assert.equal(results.extra_data.completeness, 'incomplete');
  assert.deepEqual(results.extra_data.counts, mixed.counts);
  assert.doesNotMatch(buildGradescopeResults(fullMarks).output, /incomplete/i);
});

test('each test opens with its verdict: FAIL, BLOCKED and ERROR read apart though Gradescope calls them all "failed"', () => {
  const { tests } = buildGradescopeResults(mixed);
  mixed.checks.forEach((check, index) => {
    const first = tests[index]?.output.split('\n')[0] ?? '';
    assert.equal(first.split(' ')[0], check.status, `${check.id}: ${first}`);
  });
  const byStatus = (status: string) => tests.find((_, index) => mixed.checks[index]?.status === status)?.output ?? '';
  assert.match(byStatus('BLOCKED'), /^BLOCKED \(not checked: a check it depends on did not pass\)/);
  assert.match(byStatus('ERROR'), /^ERROR \(the grader could not check this\)/);
});

test('the source is in the output and extra_data: a live account and time, or a snapshot file that is not a live grade', () => {
  const fromSnapshot = buildGradescopeResults(mixed);
  assert.equal(mixed.source, 'snapshot');
  assert.deepEqual(fromSnapshot.extra_data.source, {
    kind: 'snapshot',
    accountIdInSnapshot: mixed.target.accountId,
    region: mixed.target.region,
    endpoint: mixed.target.endpoint,
    snapshotTakenAt: mixed.snapshotTakenAt,
    gradedAt: mixed.gradedAt,
  });
  assert.match(fromSnapshot.output, /Graded from a saved snapshot file, not from the account: .*this is not a live grade\./);

  const live = buildGradescopeResults({ ...fullMarks, source: 'live', target: { region: 'us-east-1', endpoint: null, accountId: '111122223333' } });
  assert.deepEqual(live.extra_data.source, { kind: 'live', accountId: '111122223333', region: 'us-east-1', endpoint: null, gradedAt: fullMarks.gradedAt });
  assert.match(live.output, new RegExp(`Graded live: account 111122223333, us-east-1, at ${fullMarks.gradedAt.replaceAll('.', '\\.')}\\.`));
  assert.doesNotMatch(live.output, /snapshot|endpoint/);

  const sandbox = buildGradescopeResults({ ...fullMarks, source: 'live', target: { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', accountId: '111122223333' } });
  assert.match(sandbox.output, /through the endpoint http:\/\/127\.0\.0\.1:4566 \(not AWS itself\)/);
});

test('hostile strings reach Gradescope without escapes or control characters', () => {
  const text = renderGradescope(hostile);
  const results = JSON.parse(text) as ReturnType<typeof buildGradescopeResults>;
  const strings = [results.output, ...results.tests.flatMap((test) => [test.name, test.output])];
  for (const value of strings) assert.doesNotMatch(value, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  assert.ok(strings.some((value) => value.includes('<script>alert("x")</script>')), 'kept as text, shown as text');
});
