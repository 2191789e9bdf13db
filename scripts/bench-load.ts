// npm run bench:load: the sandbox (in a child process) under rounds of concurrent load: 50 clients sending the
// grader's control-plane calls and authorized data-plane calls. Per round: requests/s, p50/p99 latency, errors,
// and the sandbox's heap and RSS after a full GC. Prints one JSON document. Loopback only, bounded loops.
import { percentile, prepareLoadTarget, REQUEST_CYCLE, runLoadRounds, type LoadShape } from '../test/load/support/load-rounds.js';
import { startMeasuredSandbox } from '../test/load/support/sandbox-process.js';

// The SDK's notice that its future versions need Node 22 is about our pinned dependency: keep it off stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SHAPE: LoadShape = { rounds: 5, clients: 50, requestsPerClient: 20 };

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const ms = (value: number): number => Math.round(value * 100) / 100;

const sandbox = await startMeasuredSandbox();
try {
  const initial = await sandbox.memory();
  const rounds = await runLoadRounds(sandbox, await prepareLoadTarget(sandbox.url), SHAPE);
  const result = {
    shape: { ...SHAPE, cycle: REQUEST_CYCLE },
    initialMemory: { heapUsedMb: mb(initial.heapUsed), rssMb: mb(initial.rss) },
    rounds: rounds.map((round, index) => ({
      round: index + 1,
      requests: round.requests,
      errors: round.failures.length,
      requestsPerSecond: Math.round(round.requests / round.seconds),
      p50Ms: ms(percentile(round.latenciesMs, 0.5)),
      p99Ms: ms(percentile(round.latenciesMs, 0.99)),
      heapUsedMbAfterGc: mb(round.heapUsedBytes),
      rssMbAfterGc: mb(round.rssBytes),
    })),
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await sandbox.stop();
}
