import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderConsole } from '../../src/report/console.js';
import { fullMarks, HOSTILE, hostile, mixed, PASSWORD_AUTH_FIX, USE_AUTHORIZER } from './sample-results.js';

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

test('a FAIL shows its reason and points to "Next steps"; a FAIL another explains names its cause; neither repeats commands', () => {
  const output = plain();
  assert.match(output, /✘ FAIL      0\/4  App client allows USER_PASSWORD_AUTH\n {6}The app client APIClient allows ADMIN_NO_SRP_AUTH only; USER_PASSWORD_AUTH\n {6}is missing\.\n {6}Fix: see "Next steps" below\.\n/);
  assert.match(output, /✘ FAIL      0\/6  GET \/hello without a token returns 401\n {6}GET \/hello without a token answered 200\.\n {6}Follows from hello-get-authorized: fixed by "Next steps" below\.\n/);
  const steps = output.indexOf('\nNext steps\n');
  assert.ok(steps > 0);
  for (const command of [PASSWORD_AUTH_FIX, USE_AUTHORIZER]) {
    assert.equal(output.split(command).length - 1, 1, `printed once: ${command}`);
    assert.ok(output.indexOf(command) > steps, 'under "Next steps"');
  }
});

test('"Next steps": each cause once with its fix and what it explains, then the numbered commands, whole and uncoloured', () => {
  for (const color of [false, true]) {
    const output = renderConsole(mixed, { color, width: 60 });
    const block = linesOf(output.slice(output.indexOf('Next steps')));
    assert.ok(block.includes(`        ${PASSWORD_AUTH_FIX}`), `command line intact with color=${color}`);
    assert.ok(block.includes(`        ${USE_AUTHORIZER}`));
  }
  const output = plain();
  const block = output.slice(output.indexOf('\nNext steps\n'), output.indexOf('\nScore: '));
  assert.equal(
    block,
    [
      '',
      'Next steps',
      '  Cause 1 of 2: App client allows USER_PASSWORD_AUTH (app-client-password-auth)',
      '      The app client APIClient allows ADMIN_NO_SRP_AUTH only; USER_PASSWORD_AUTH',
      '      is missing.',
      '      Fix: Allow the USER_PASSWORD_AUTH flow on the app client.',
      '      Also explains: probe-token-issued, probe-id-token-claims,',
      '      probe-authorized-200, probe-response-body, probe-access-token-rejected',
      '  Cause 2 of 2: GET /hello requires the Cognito authorizer',
      '                (hello-get-authorized)',
      '      GET /hello has authorization type NONE, so anyone can call it.',
      '      Fix: Protect GET /hello with CognitoAuthorizer, then redeploy prod.',
      '      Also explains: probe-unauthenticated-401',
      '',
      '  Run these 3 commands, in this order:',
      '    1. for app-client-password-auth',
      `        ${PASSWORD_AUTH_FIX}`,
      '    2. for hello-get-authorized',
      `        ${USE_AUTHORIZER}`,
      '    3. for hello-get-authorized',
      '        aws apigateway create-deployment --rest-api-id a1b2c3d4e5 --stage-name prod --region us-east-1',
      '',
      '  Not covered: the grader could not read lambda-invoke-permission; grade again',
      '  once it can, to see whether it needs a fix too.',
      '',
    ].join('\n'),
  );
  // Notes come before it, the score right after it.
  assert.ok(output.indexOf('\nNotes\n') < output.indexOf('\nNext steps\n'));
});

test('"Next steps" lists what the commands need, says "this command" for one, has only "Not covered" with no cause, and is absent when all passes', () => {
  const [, cause] = mixed.plan.causes;
  const [, , redeploy] = mixed.plan.commands;
  assert.ok(cause && redeploy);
  const needs = ['function.zip: the zip of the lab\'s code, in the current folder'];
  const output = plain({ ...mixed, plan: { causes: [cause], commands: [redeploy], needs, unchecked: [] } });
  assert.match(output, /\n {2}Run this command:\n {4}1\. for hello-get-authorized\n {8}aws apigateway create-deployment [^\n]+\n\n {2}Before you run them:\n {4}• function\.zip: the zip of the lab's code, in the current folder\n\nScore: /);
  assert.doesNotMatch(output, /Not covered/);
  const onlyUnchecked = plain({ ...mixed, plan: { causes: [], commands: [], needs: [], unchecked: ['lambda-invoke-permission'] } });
  assert.match(onlyUnchecked, /\n\nNext steps\n {2}Not covered: the grader could not read lambda-invoke-permission; grade again\n/);
  assert.doesNotMatch(plain(fullMarks), /Next steps/);
  assert.doesNotMatch(renderConsole(fullMarks, { color: false, quiet: true }), /Next steps/);
});

test('--quiet: the checks that did not pass, "Next steps", the score; nothing that passed', () => {
  const output = renderConsole(mixed, { color: false, quiet: true });
  assert.doesNotMatch(output, /✔ PASS|Activity \d/);
  assert.match(output, /^ {2}✘ FAIL      0\/4  App client allows USER_PASSWORD_AUTH\n/);
  assert.match(output, /is missing\.\n {6}Fix: see "Next steps" below\.\n/);
  assert.match(output, /\n\nNext steps\n {2}Cause 1 of 2: [^]*\n {8}aws apigateway create-deployment [^\n]+\n\n {2}Not covered: [^]*\n\nScore: 63\/100\n/);
});

test('prose wraps to the width; commands never do', () => {
  const lines = linesOf(plain(mixed, 60)).filter((line) => !line.startsWith('        aws '));
  assert.ok(lines.some((line) => line.startsWith('      Also explains:')), 'the plan is wrapped too');
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
  assert.match(output, /\nScore: 63\/100\n19 passed · 3 failed · 5 blocked · 1 could not be checked\n/);
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
