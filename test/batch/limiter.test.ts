// The per-account token bucket: never more than 5 per 2 s (API Gateway GetResources), debts waited off.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AccountLimiters, GET_RESOURCES_QUOTA, prepaidFirst, TokenBucket } from '../../src/batch/limiter.js';

/** A clock that only moves when the bucket sleeps, so waits are exact and the test takes no time. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    at: () => now,
  };
}

describe('TokenBucket', () => {
  test('5 at once, the next 5 when the first come back: never more than 5 in any 2 s', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ...GET_RESOURCES_QUOTA, now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 12 }, () => bucket.take().then(() => times.push(clock.at()))));
    assert.deepEqual(times, [0, 0, 0, 0, 0, 2000, 2000, 2000, 2000, 2000, 4000, 4000]);
    for (const start of times) assert.ok(times.filter((t) => t >= start && t < start + 2000).length <= 5, `window at ${start}`);
  });

  test('a debit leaves the bucket in debt, and the next take waits it off', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ...GET_RESOURCES_QUOTA, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 7; i++) bucket.debit();
    await bucket.take();
    // 7 out: the take waits for all of them to come back (a token free with 5 of the window's calls made).
    assert.equal(clock.at(), 2000);
    assert.deepEqual(clock.sleeps, [2000]);
  });

  test('one bucket per account, shared by its students', () => {
    const limiters = new AccountLimiters();
    assert.equal(limiters.forAccount('111111111111'), limiters.forAccount('111111111111'));
    assert.notEqual(limiters.forAccount('111111111111'), limiters.forAccount('222222222222'));
  });
});

describe('prepaidFirst', () => {
  test("a grade's first call is covered by the token taken before it; each later one is debited", async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ...GET_RESOURCES_QUOTA, now: clock.now, sleep: clock.sleep });
    await bucket.take();
    const limit = prepaidFirst(bucket);
    await limit.acquire();
    for (let i = 0; i < 5; i++) await limit.acquire();
    // 1 taken + 5 debited: the next take waits for the window to pass, and no acquire waited.
    assert.deepEqual(clock.sleeps, []);
    await bucket.take();
    assert.equal(clock.at(), 2000);
  });
});
