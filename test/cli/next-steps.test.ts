// The grade's plan as `lab-grader grade` prints it: one mistake (GET /hello left open) fails six checks and
// blocks one, and the console names it once, with the two commands that fix it, as the JSON report has them.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { GradeResult } from '../../src/engine/types.js';
import { REPO, runInProcess } from '../support/cli.js';

const BROKEN = 'fixtures/hello-get-none/snapshot.json';
const COMPLETE = 'fixtures/complete-lab/snapshot.json';

/** The "Next steps" block of a console report: its causes and the command lines under their numbers. */
function nextSteps(stdout: string): { causes: string[]; commands: string[] } {
  const start = stdout.indexOf('\nNext steps\n');
  assert.ok(start >= 0, 'a "Next steps" block');
  const lines = stdout.slice(start, stdout.indexOf('\nScore: ')).split('\n');
  const causes = lines.filter((line) => /^ {2}Cause( \d+ of \d+)?: /.test(line));
  const commands = lines.flatMap((line, index) => (/^ {4}\d+\. /.test(line) ? [(lines[index + 1] ?? '').trim()] : []));
  return { causes, commands };
}

describe('grade prints one plan', () => {
  test('GET /hello with NONE: one root cause, then update-method and create-deployment, as in the JSON plan', async () => {
    const run = await runInProcess(['grade', '--from-snapshot', BROKEN, '--no-color']);
    assert.equal(run.code, 1, run.stderr);
    const { causes, commands } = nextSteps(run.stdout);
    assert.deepEqual(causes, ['  Cause: GET /hello requires the Cognito authorizer (hello-get-authorized)']);
    assert.equal(commands.length, 2);
    assert.match(commands[0] ?? '', /^aws apigateway update-method --rest-api-id x7k2m9q4p1 .*value=COGNITO_USER_POOLS/);
    assert.match(commands[1] ?? '', /^aws apigateway create-deployment --rest-api-id x7k2m9q4p1 --stage-name prod /);

    const json = await runInProcess(['grade', '--from-snapshot', BROKEN, '--output', 'json']);
    const report = JSON.parse(json.stdout) as GradeResult;
    assert.deepEqual(commands, report.plan.commands.map((entry) => entry.command));
    assert.deepEqual(report.plan.causes.map((cause) => cause.checkId), ['hello-get-authorized']);

    // Each command once in the whole report: the failing checks point to the plan instead of repeating it.
    for (const command of commands) assert.equal(run.stdout.split(command).length - 1, 1, command);
    const pointers = run.stdout.split('\n').filter((line) => line.includes('Follows from hello-get-authorized: fixed by "Next steps" below.'));
    assert.equal(pointers.length, report.counts.FAIL - 1);
  });

  test('--quiet keeps the plan; full marks print none', async () => {
    const quiet = await runInProcess(['grade', '--from-snapshot', BROKEN, '--quiet']);
    assert.equal(nextSteps(quiet.stdout).commands.length, 2);
    const full = await runInProcess(['grade', '--from-snapshot', COMPLETE]);
    assert.equal(full.code, 0, full.stderr);
    assert.doesNotMatch(full.stdout, /Next steps/);
  });
});

test('README\'s "What to do next" shows the report this grade prints', async () => {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## What to do next\n'));
  const shown = /```text\n([^]*?)```/.exec(section)?.[1];
  const run = await runInProcess(['grade', '--from-snapshot', BROKEN, '--no-color']);
  assert.equal(shown, run.stdout, `paste the output of: npx tsx src/cli/main.ts grade --from-snapshot ${BROKEN} --no-color`);
});
