// npm run bench: how long a live grade of the sandboxed reference solution takes, how many calls it makes, and
// how deep its chain of dependent calls is; then the same with 50 ms added to every AWS call, to check the
// design's performance model (wall time ≈ depth × round trip). Prints one JSON document. Loopback only,
// bounded loops.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deployReferenceSolution } from '../reference-solution/deploy/index.js';
import type { CallEvent } from '../src/collect/index.js';
import { gradeLive, gradingTargetFor, referenceConfigFor } from '../src/demo/index.js';
import { startSandbox, type FidelityOptions, type RequestLogEntry } from '../src/sandbox/index.js';
import { labBundle, loadLabSpec } from '../checks/index.js';

// The SDK's notice that its future versions need Node 22 is about our pinned dependency: keep it off stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const GRADES = 7;
const ADDED_LATENCY_MS = 50;
const ACCOUNT = '555555555555';

/** One call as the grader saw it: from its onCall start to its end, in ms since the grade began. */
interface Call {
  operation: string;
  startMs: number;
  endMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Pairs each end with the oldest open start of the same operation. */
function callRecorder(origin: number) {
  const calls: Call[] = [];
  const open = new Map<string, Call[]>();
  const onCall = ({ operation, phase }: CallEvent): void => {
    const at = performance.now() - origin;
    if (phase === 'start') {
      const call = { operation, startMs: at, endMs: Number.NaN };
      calls.push(call);
      open.set(operation, [...(open.get(operation) ?? []), call]);
    } else {
      const [oldest, ...rest] = open.get(operation) ?? [];
      if (oldest) oldest.endMs = at;
      open.set(operation, rest);
    }
  };
  return { calls, onCall };
}

const latestEnding = (calls: Call[]): Call | undefined => calls.reduce<Call | undefined>((latest, call) => (latest && latest.endMs >= call.endMs ? latest : call), undefined);

/**
 * The chain of calls the wall time waited on, walked back from the call that ended last: each call's predecessor
 * is the one that ended last before it started. Its length is the depth of the grade's dependent calls; the time
 * between its calls is the grader's own work (CPU) on that path.
 */
function criticalPath(calls: Call[]): Call[] {
  const path: Call[] = [];
  for (let call = latestEnding(calls); call !== undefined; call = latestEnding(calls.filter((before) => before.endMs <= call!.startMs))) {
    path.unshift(call);
  }
  return path;
}

/** service:operation -> count, for the requests of one grade in the sandbox's log. */
function countCalls(entries: RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { service, operation } of entries) counts[`${service}:${operation}`] = (counts[`${service}:${operation}`] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

interface Grade {
  /** Date.now() at its start, to find its requests in the sandbox's log. */
  startedAt: number;
  wallMs: number;
  calls: Call[];
}

const isHttpProbe = (operation: string): boolean => operation.startsWith('execute-api:');

/** A sandbox with these fidelity options, the reference solution deployed, GRADES live grades of it, and its request log. */
async function gradeSandboxedLab(fidelity: FidelityOptions): Promise<{ grades: Grade[]; requests: RequestLogEntry[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-grader-bench-'));
  const requestLogFile = join(dir, 'requests.jsonl');
  const sandbox = await startSandbox({ port: 0, requestLogFile, fidelity });
  const grades: Grade[] = [];
  try {
    const account = { endpoint: sandbox.url, accountId: ACCOUNT };
    const lab = await loadLabSpec();
    await deployReferenceSolution(referenceConfigFor(account));
    for (let i = 0; i < GRADES; i++) {
      const startedAt = Date.now();
      const origin = performance.now();
      const recorder = callRecorder(origin);
      const result = await gradeLive(gradingTargetFor(account), lab, labBundle, { onCall: recorder.onCall });
      grades.push({ startedAt, wallMs: performance.now() - origin, calls: recorder.calls });
      if (result.score !== 100) throw new Error(`grade ${i + 1} scored ${result.score}, not 100: the bench measures the complete lab`);
    }
  } finally {
    await sandbox.stop(); // also flushes the request log
  }
  const lines = (await readFile(requestLogFile, 'utf8')).trim().split('\n');
  await rm(dir, { recursive: true });
  return { grades, requests: lines.map((line) => JSON.parse(line) as RequestLogEntry) };
}

async function benchGrades(fidelity: FidelityOptions) {
  const { grades, requests } = await gradeSandboxedLab(fidelity);
  // Each logged request belongs to the last grade that had started when it arrived; earlier ones are the deploy's.
  const perGrade = grades.map((grade, i) =>
    requests.filter(({ time }) => Date.parse(time) >= grade.startedAt && Date.parse(time) < (grades[i + 1]?.startedAt ?? Infinity)),
  );
  const counts = perGrade.map(countCalls);
  const calls = counts[0] ?? {};
  const total = (probes: boolean) => Object.entries(calls).reduce((sum, [key, n]) => sum + (isHttpProbe(key) === probes ? n : 0), 0);
  const medianGrade = [...grades].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(GRADES / 2)] as Grade;
  const path = criticalPath(medianGrade.calls);
  const inCalls = path.reduce((sum, call) => sum + (call.endMs - call.startMs), 0);
  const awsCallMs = grades.flatMap((grade) => grade.calls.filter((call) => !isHttpProbe(call.operation)).map((call) => call.endMs - call.startMs));
  const signInMs = perGrade.flat().filter((entry) => entry.operation === 'InitiateAuth').map((entry) => entry.durationMs);

  return {
    grades: GRADES,
    wallMs: { median: round(median(grades.map((grade) => grade.wallMs))), first: round(grades[0]?.wallMs ?? 0), all: grades.map((grade) => round(grade.wallMs)) },
    calls: { aws: total(false), httpProbes: total(true), byOperation: calls, sameInEveryGrade: counts.every((other) => JSON.stringify(other) === JSON.stringify(calls)) },
    criticalPath: {
      depth: path.length,
      ofTheMedianGrade: path.map((call) => ({ operation: call.operation, startMs: round(call.startMs), endMs: round(call.endMs) })),
      inCallsMs: round(inCalls),
      betweenCallsMs: round(medianGrade.wallMs - inCalls),
    },
    roundTripMs: { awsCallMedian: round(median(awsCallMs)), signInServerSideMedian: round(median(signInMs)) },
    depthTimesAwsRoundTripMs: round(path.length * median(awsCallMs)),
  };
}

const loopback = await benchGrades({});
const withLatency = await benchGrades({ faults: { seed: 1, latencyMs: ADDED_LATENCY_MS, throttleRate: 0, errorRate5xx: 0 } });
process.stdout.write(
  `${JSON.stringify(
    {
      bench: 'grade',
      what: 'lab-grader grade --endpoint-url <sandbox> of the deployed reference solution (collect, sign in, HTTP probes, evaluate), sandbox in the same process',
      node: process.version,
      loopback,
      [`added${ADDED_LATENCY_MS}msPerAwsCall`]: { note: 'faults.latencyMs delays every AWS API call; the HTTP probes to the API data plane are not delayed', ...withLatency },
    },
    null,
    2,
  )}\n`,
);
