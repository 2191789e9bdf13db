// The catalogue as a whole: one module per check id of the lab spec, each with its own test file, a sound
// dependency graph, metadata a report can use, and permissions the grading role grants. The lab spec's points
// name, order and price the checks; checks/index.ts loads checks/<id>.ts for each id.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogue } from '../../checks/index.js';
import gradingRolePolicy from '../../src/batch/grading-role/policy.json' with { type: 'json' };
import { fixCommands } from '../../src/engine/remediation.js';
import { placeholders } from '../../src/engine/template.js';
import { lab } from './snapshots.js';

const ids = catalogue.map(({ meta }) => meta.id);
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

test('the catalogue is the check ids of checks/lab.json, in its order, each module the check of its id', () => {
  assert.deepEqual(ids, Object.keys(lab.points));
});

test('the default points add up to 100', () => {
  assert.equal(Object.values(lab.points).reduce((sum, points) => sum + points, 0), 100);
});

test('each check lives in checks/<id>.ts and nothing else does', () => {
  const files = readdirSync(new URL('../../checks/', import.meta.url))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.test.ts'))
    .map((name) => name.replace(/\.ts$/, ''));
  assert.deepEqual(files.sort(), [...ids].sort());
});

// Like ESLint's rule tests: a check ships with test/checks/<id>.test.ts, which runs checkTester on that check
// alone. checkTester then fails the file when a message of the check is produced by no case.
const OTHER_TEST_FILES = ['catalogue.test.ts', 'support.test.ts'];

test('each check has its own test file, test/checks/<id>.test.ts, and every other test file there is known', () => {
  const testFiles = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.test.ts'));
  const missing = ids.filter((id) => !testFiles.includes(`${id}.test.ts`));
  assert.deepEqual(missing, [], `checks without a test file: ${missing.join(', ')}`);
  assert.deepEqual(sorted(testFiles), sorted([...ids.map((id) => `${id}.test.ts`), ...OTHER_TEST_FILES]));
});

test("each check's test file runs checkTester on that check, and on no other", () => {
  for (const id of ids) {
    const source = readFileSync(new URL(`${id}.test.ts`, import.meta.url), 'utf8');
    const imported = [...source.matchAll(/^import (\w+) from '\.\.\/\.\.\/checks\/([\w-]+)\.js';$/gm)];
    assert.deepEqual(imported.map(([, , module]) => module), [id], `${id}.test.ts imports exactly the check ${id}`);
    const name = imported[0]?.[1] ?? '';
    assert.match(source, new RegExp(`^checkTester\\(${name},`, 'm'), `${id}.test.ts calls checkTester(${name}, ...)`);
  }
});

test("the grading role's policy allows exactly the actions the checks declare they need", () => {
  const declared = sorted(catalogue.flatMap(({ meta }) => meta.permissions));
  const granted = sorted(gradingRolePolicy.Statement.flatMap((statement) => statement.Action));
  assert.deepEqual(declared, granted);
});

test('steps are the lab activities 3 to 10, never decreasing in catalogue order', () => {
  const steps = catalogue.map(({ meta }) => meta.step);
  assert.ok(steps.every((step) => Number.isInteger(step) && step >= 3 && step <= 10), String(steps));
  assert.deepEqual(steps, [...steps].sort((a, b) => a - b));
});

test('every check depends only on checks listed before it (so the graph has no cycle)', () => {
  catalogue.forEach(({ meta }, index) => {
    for (const dependency of meta.dependsOn) {
      const at = ids.indexOf(dependency);
      assert.ok(at >= 0 && at < index, `${meta.id} depends on ${dependency}, which is not an earlier check`);
    }
  });
});

test('probe checks are the ones that read the live probes', () => {
  for (const { meta } of catalogue) assert.equal(meta.kind === 'probe', meta.id.startsWith('probe-'), meta.id);
});

test('every check has a title, AWS docs, and permissions in service:Action form', () => {
  for (const { meta } of catalogue) {
    assert.ok(meta.title.length > 0, meta.id);
    assert.match(meta.docs, /^https:\/\/docs\.aws\.amazon\.com\//, meta.id);
    for (const permission of meta.permissions) assert.match(permission, /^[a-z-]+:[A-Za-z]+$/, `${meta.id}: ${permission}`);
    if (meta.kind === 'inspect') assert.ok(meta.permissions.length > 0, `${meta.id} reads the account, so it needs permissions`);
  }
});

test('every default fix is an AWS CLI command, and its dotted placeholders are lab-spec paths', () => {
  for (const { meta } of catalogue) {
    const commands = fixCommands(meta.remediation);
    assert.ok(commands.length > 0, `${meta.id}: the default fix has a command`);
    for (const cli of commands) assert.match(cli, /^([A-Z_]+=\$\()?(aws |sleep )/, `${meta.id}: the fix is an AWS CLI command in the lab's style`);
    for (const name of placeholders(`${meta.remediation.text} ${commands.join(' ')}`)) {
      // Data keys are checked per case by check-tester; here only the shapes the engine fills without data.
      if (name.includes('.')) assert.match(name, /^(names|expected)\.\w+$/, `${meta.id}: ${name}`);
    }
  }
});

test('no fix command carries a password', () => {
  for (const { meta } of catalogue) {
    const commands = [meta.remediation, ...Object.values(meta.remediation.byMessage ?? {})].flatMap(fixCommands).join('\n');
    assert.doesNotMatch(commands, new RegExp(lab.password.replace(/[!]/g, '\\$&')), meta.id);
    assert.doesNotMatch(commands, /TempPass123!/, meta.id);
  }
});
