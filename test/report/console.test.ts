import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderConsole } from '../../src/report/console.js';
import { fullMarks, HOSTILE, hostile, mixed, PASSWORD_AUTH_FIX } from './sample-results.js';

const ESC = '\x1b';
const plain = (result = mixed, width?: number): string => renderConsole(result, { color: false, width });
const linesOf = (text: string): string[] => text.split('\n');

test('no colour codes at all when color is false, and colour when it is true', () => {
  for (const result of [fullMarks, mixed, hostile]) assert.ok(!plain(result).includes(ESC));
  const colored = renderConsole(mixed, { color: true });
  assert.match(colored, /\x1b\[32m✔ PASS/);
  assert.match(colored, /\x1b\[31m✘ FAIL/);
  assert.match(colored, /\x1b\[33m⊘ BLOCKED/);
  assert.match(colored, /\x1b\[35m! ERROR/);
});

test('the header names the lab, the account, the region and the source', () => {
  const [title, where, source] = linesOf(plain(mixed));
  assert.equal(title, mixed.lab.title);
  assert.equal(where, 'Account 123456789012 · Region us-east-1');
  assert.equal(source, 'Graded from a saved snapshot taken 2025-06-02T10:15:12.000Z');
  assert.equal(linesOf(plain(fullMarks))[2], 'Graded live from the account');
});

test('checks are grouped under their lab activity, in order, with mark, points and title', () => {
  const lines = linesOf(plain(mixed));
  const headings = lines.filter((line) => line.startsWith('Activity '));
  assert.deepEqual(
    headings.map((line) => line.replace(/  \d+\/\d+$/, '')),
    mixed.steps.map((step) => step.title),
  );
  const activity4 = lines.indexOf('Activity 4: Create User Pool Client  5/9');
  assert.equal(lines[activity4 + 1], '  ✔ PASS      3/3  App client APIClient exists');
  assert.equal(lines[activity4 + 2], '  ✘ FAIL      0/4  App client allows USER_PASSWORD_AUTH');
});

test('a FAIL shows the reason, the fix, and the whole command on one indented line, uncoloured even on a TTY', () => {
  for (const color of [false, true]) {
    const lines = linesOf(renderConsole(mixed, { color, width: 60 }));
    assert.ok(lines.includes(`        ${PASSWORD_AUTH_FIX}`), `command line intact with color=${color}`);
    assert.ok(lines.some((line) => line.includes('Fix: Allow the USER_PASSWORD_AUTH flow')));
  }
  // A multi-line fix keeps each command on its own line.
  const lines = linesOf(plain());
  assert.ok(lines.includes('        aws apigateway create-deployment --rest-api-id a1b2c3d4e5 --stage-name prod --region us-east-1'));
});

test('prose wraps to the width; commands never do', () => {
  const lines = linesOf(plain(mixed, 60)).filter((line) => !line.startsWith('        aws '));
  for (const line of lines) assert.ok(Array.from(line).length <= 60, `too wide: ${line}`);
  assert.ok(linesOf(plain(mixed, 60)).some((line) => line.length > 60 && line.trimStart().startsWith('aws ')));
});

test('BLOCKED names the root cause; ERROR is the grader’s problem; a PASS with a fix shows its note', () => {
  const output = plain();
  assert.match(output, /⊘ BLOCKED   0\/4  testuser can sign in and get tokens\n {6}Not evaluated: it needs "App client allows USER_PASSWORD_AUTH"\n {6}\(app-client-password-auth\), which did not pass\. Fix that first\./);
  assert.match(output, /! ERROR     0\/5  API Gateway may invoke the function\n {6}The grader was denied lambda:GetPolicy/);
  assert.match(output, /not a mistake in the lab/);
  assert.match(output, /✔ PASS      2\/2  The function runs on Python 3\n {6}HelloWorldFunction runs on python3\.9[^]*\n {6}Note: It still counts/);
  assert.ok(linesOf(output).includes('        aws lambda update-function-configuration --function-name HelloWorldFunction --runtime python3.13 --region us-east-1'));
  // A plain PASS has nothing under it.
  assert.match(output, /✔ PASS      4\/4  User pool MyAPIUserPool exists\n\nActivity 4/);
});

test('notes, the score, the counts, and a clear line when the score is incomplete', () => {
  const output = plain();
  assert.match(output, /Notes\n  • Two user pools are named MyAPIUserPool/);
  assert.match(output, /\nScore: 69\/100\n20 passed · 2 failed · 5 blocked · 1 could not be checked\n/);
  assert.match(output, /This score is incomplete: the grader could not see everything/);
  const full = plain(fullMarks);
  assert.match(full, /\nScore: 100\/100\n28 passed · 0 failed · 0 blocked · 0 could not be checked\n$/);
  assert.doesNotMatch(full, /incomplete|Notes/);
});

test('hostile account strings are stripped of escapes and controls, and clipped', () => {
  for (const color of [false, true]) {
    const output = renderConsole(hostile, { color });
    // Only our own SGR codes may remain.
    const withoutOurColours = output.replace(/\x1b\[(?:1|2|22|3[1-59])m/g, '');
    assert.doesNotMatch(withoutOurColours, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  }
  const output = plain(hostile);
  assert.ok(output.includes(HOSTILE.emoji));
  assert.ok(output.includes('<script>alert("x")</script>'));
  assert.ok(!output.includes(HOSTILE.huge), 'a 10 kB value is clipped');
  assert.match(output, /… \(\d+ more characters\)/);
  // A forged "✔ PASS" cannot make a check line of its own: account text only ever appears indented under one.
  const checkLine = /^ {2}[✔✘⊘!] /;
  assert.equal(linesOf(output).filter((line) => checkLine.test(line)).length, hostile.checks.length);
});

test('a check that no step lists is still shown', () => {
  const [first, ...rest] = mixed.steps;
  assert.ok(first);
  const output = plain({ ...mixed, steps: rest });
  assert.match(output, /Other checks  4\/4\n  ✔ PASS      4\/4  User pool MyAPIUserPool exists/);
});
