// The sandbox under load, in a child process: rounds of many concurrent clients, each sending the grader's
// control-plane calls and authorized data-plane calls (warm Lambda). Every request gets its expected answer,
// and the sandbox's heap after a full GC does not grow from the second round to the last (the first round
// warms caches and the Lambda worker). Figures (throughput, latency) are bench-load's business, not asserted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { prepareLoadTarget, runLoadRounds, type LoadShape, type RoundResult } from './support/load-rounds.js';
import { startMeasuredSandbox, type MeasuredSandbox } from './support/sandbox-process.js';

const SHAPE: LoadShape = { rounds: 4, clients: 50, requestsPerClient: 6 };
/** Growth allowed from the second round's heap to the last's. */
const HEAP_GROWTH_BOUND = 1.2;

describe('the sandbox under concurrent load', () => {
  let sandbox: MeasuredSandbox;
  let rounds: RoundResult[];

  before(async () => {
    sandbox = await startMeasuredSandbox();
    rounds = await runLoadRounds(sandbox, await prepareLoadTarget(sandbox.url), SHAPE);
  });
  after(() => sandbox?.stop());

  test('every request of every round gets its expected answer', () => {
    assert.equal(rounds.length, SHAPE.rounds);
    for (const round of rounds) {
      assert.equal(round.latenciesMs.length, SHAPE.clients * SHAPE.requestsPerClient, 'every request was sent');
      assert.deepEqual(round.failures, []);
    }
    assert.ok(sandbox.alive());
  });

  test(`its heap after GC stays within +${Math.round((HEAP_GROWTH_BOUND - 1) * 100)} % of the second round's`, () => {
    const heaps = rounds.map((round) => round.heapUsedBytes);
    const [second, last] = [heaps[1] as number, heaps.at(-1) as number];
    assert.ok(last <= second * HEAP_GROWTH_BOUND, `heap after each round (MB): ${heaps.map((bytes) => (bytes / 2 ** 20).toFixed(1)).join(', ')}`);
  });
});
