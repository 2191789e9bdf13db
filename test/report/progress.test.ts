import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProgress, type CallEvent } from '../../src/report/progress.js';

/** A stream that records what is written, with a settable terminal width. */
function recorder(columns?: number): { chunks: string[]; write(chunk: string): boolean; columns?: number } {
  const chunks: string[] = [];
  return { chunks, columns, write: (chunk: string) => chunks.push(chunk) > 0 };
}

const start = (operation: string): CallEvent => ({ operation, phase: 'start' });
const end = (operation: string): CallEvent => ({ operation, phase: 'end' });
const CLEAR = '\r\x1b[2K';

test('not a TTY: writes nothing at all', () => {
  const stream = recorder();
  const progress = createProgress(stream, { tty: false });
  progress.onCall(start('sts:GetCallerIdentity'));
  progress.onCall(end('sts:GetCallerIdentity'));
  progress.done();
  assert.deepEqual(stream.chunks, []);
});

test('on a TTY: one line rewritten in place, naming what it waits for, cleared at done()', () => {
  let clock = 0;
  const stream = recorder();
  const progress = createProgress(stream, { tty: true, minRedrawMs: 100, now: () => clock });
  progress.onCall(start('cognito-idp:ListUserPools'));
  clock = 100;
  progress.onCall(start('apigateway:GetResources'));
  clock = 200;
  progress.onCall(end('cognito-idp:ListUserPools'));
  progress.done();
  assert.deepEqual(stream.chunks, [
    `${CLEAR}Collecting… 0 calls done, waiting for cognito-idp:ListUserPools`,
    `${CLEAR}Collecting… 0 calls done, waiting for cognito-idp:ListUserPools (+1 more)`,
    `${CLEAR}Collecting… 1 call done, waiting for apigateway:GetResources`,
    CLEAR,
  ]);
  assert.ok(stream.chunks.every((chunk) => !chunk.includes('\n')));
});

test('redraws are throttled: a burst of calls inside the interval draws once', () => {
  const stream = recorder();
  const progress = createProgress(stream, { tty: true, minRedrawMs: 100, now: () => 0 });
  for (let call = 0; call < 50; call += 1) {
    progress.onCall(start(`lambda:GetFunction`));
    progress.onCall(end(`lambda:GetFunction`));
  }
  assert.equal(stream.chunks.length, 1);
  progress.done();
  assert.deepEqual(stream.chunks.at(-1), CLEAR);
});

test('the line is cut to the terminal width, so it never wraps', () => {
  const stream = recorder(30);
  const progress = createProgress(stream, { tty: true, now: () => 0 });
  progress.onCall(start('apigateway:GetResources'));
  progress.done();
  const [line] = stream.chunks;
  assert.ok(line);
  assert.equal(Array.from(line.slice(CLEAR.length)).length, 29);
});

test('after done() later events are ignored, and an untouched reporter clears nothing', () => {
  const stream = recorder();
  const progress = createProgress(stream, { tty: true, now: () => 0 });
  progress.done();
  progress.onCall(start('iam:GetRole'));
  progress.done();
  assert.deepEqual(stream.chunks, []);
});
