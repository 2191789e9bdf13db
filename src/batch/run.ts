// lab-grader batch, end to end: roster -> the students to grade (shard, --only, --resume) -> each graded by a
// pool of workers -> the class outputs rebuilt from every outcome in --out.
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { LabSpec } from '../lab/types.js';
import type { Lab } from '../pipeline/lab.js';
import { takeSnapshot, type ProbeSettings } from '../pipeline/take-snapshot.js';
import type { ProgressStream } from '../report/progress.js';
import { checkInfos, classRecord, type ClassRecord } from './class-record.js';
import { writeClassReports } from './class-reports.js';
import { BatchInterrupted, gradeStudent, studentRef, type SnapshotTaker } from './grade-student.js';
import { clearBatch, JOURNAL_FILE, labDigest, readJournal, readOutcomes, writeJournal, type BatchJournal } from './journal.js';
import { AccountLimiters } from './limiter.js';
import { isDone } from './outcome.js';
import { createBatchProgress } from './progress.js';
import { loadRoster, type RosterEntry } from './roster.js';
import { formatShard, inShard, shardOf, type Shard } from './shard.js';
import { createStudentTargets, type InstructorOptions } from './student-target.js';
import type { ClassSummary } from './summary.js';

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_ACCOUNT_TIMEOUT_SECONDS = 120;

export interface BatchOptions {
  rosterPath: string;
  outDir: string;
  spec: LabSpec;
  lab: Lab;
  /** The class's probe settings (null: --no-probes); a roster row's password overrides theirs. */
  probes: ProbeSettings | null;
  instructor: InstructorOptions;
  /** Overrides every row's region. */
  region?: string;
  concurrency: number;
  accountTimeoutMs: number;
  /** Grade only the students not done yet. */
  resume: boolean;
  /** Start over in an --out that holds a batch (its results are deleted). */
  force: boolean;
  /** Grade (again) just these student ids. */
  only: string[] | null;
  shard: Shard | null;
  /** Stops the batch (Ctrl-C): students being graded are left not done. */
  signal?: AbortSignal;
  progress: { stream: ProgressStream; tty: boolean };
  /** gradebook.csv starts with a UTF-8 byte order mark, for Excel. */
  csvBom?: boolean;
  /** How a snapshot is taken (tests count grades through it). */
  takeSnapshot?: SnapshotTaker;
}

export interface BatchResult {
  record: ClassRecord;
  summary: ClassSummary;
  paths: string[];
  /** Students graded by this run. */
  gradedNow: number;
  interrupted: boolean;
}

function selectOnly(students: RosterEntry[], roster: RosterEntry[], only: string[], shard: Shard | null): RosterEntry[] {
  const byId = new Map(roster.map((entry) => [entry.studentId, entry]));
  const unknown = only.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new InputError(`--only: ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in the roster.`);
  if (shard !== null) {
    const elsewhere = only.filter((id) => shardOf(id, shard.count) !== shard.index);
    if (elsewhere.length > 0) throw new InputError(`--only: ${elsewhere.join(', ')} belong${elsewhere.length > 1 ? '' : 's'} to another shard than ${formatShard(shard)}.`);
  }
  const wanted = new Set(only);
  return students.filter((entry) => wanted.has(entry.studentId));
}

function checkSameBatch(existing: BatchJournal, lab: LabSpec, shard: Shard | null, outDir: string): void {
  if (existing.lab.digest !== labDigest(lab)) {
    throw new InputError(
      `${outDir} holds a batch graded with another lab spec (${existing.lab.id} ${existing.lab.version}); scores from two specs cannot share a gradebook. Use the same --lab, or start over with --force.`,
    );
  }
  const before = existing.shard === null ? 'the whole roster' : `shard ${formatShard(existing.shard)}`;
  const now = shard === null ? 'the whole roster' : `shard ${formatShard(shard)}`;
  if (before !== now) throw new InputError(`${outDir} holds a batch of ${before}, not ${now}. Pass the same --shard, or another --out.`);
}

async function openBatch(options: BatchOptions, outDir: string): Promise<BatchJournal | null> {
  const existing = await readJournal(outDir);
  if (existing === null) {
    if (options.resume) throw new InputError(`--resume: ${outDir} holds no batch to resume (no ${JOURNAL_FILE}). Run without --resume to start one.`);
    return null;
  }
  if (options.force) {
    await clearBatch(outDir);
    return null;
  }
  if (!options.resume && options.only === null) {
    const outcomes = await readOutcomes(outDir);
    throw new InputError(
      `${outDir} already holds a batch (started ${existing.startedAt}, ${outcomes.size} of ${existing.students.length} students done). ` +
        'Continue it with --resume, regrade some students with --only <ids>, write to another --out, or start over with --force (deletes its results).',
    );
  }
  checkSameBatch(existing, options.spec, options.shard, outDir);
  return existing;
}

/** Runs `work` over `items`, at most `concurrency` at a time, taking no new item once `signal` aborts. */
async function forEachConcurrently<T>(items: readonly T[], concurrency: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!signal.aborted && next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new InputError(`--concurrency: expected a positive whole number, got ${options.concurrency}.`);
  if (options.resume && options.force) throw new InputError('--resume continues a batch and --force starts it over: pass one of them.');
  if (!(options.accountTimeoutMs > 0)) throw new InputError('--account-timeout: expected a positive number of seconds.');
  const { outDir } = options;
  const roster = await loadRoster(options.rosterPath);
  const students = inShard(roster.entries, options.shard);
  const candidates = options.only === null ? students : selectOnly(students, roster.entries, options.only, options.shard);

  const existing = await openBatch(options, outDir);
  const journal: BatchJournal = {
    schemaVersion: 1,
    lab: { id: options.spec.id, title: options.spec.title, version: options.spec.version, digest: labDigest(options.spec) },
    roster: { path: options.rosterPath, digest: roster.digest },
    shard: options.shard,
    students: students.map(studentRef),
    startedAt: existing?.startedAt ?? new Date().toISOString(),
    finishedAt: null,
  };
  await writeJournal(outDir, journal);

  const before = await readOutcomes(outDir);
  const toGrade = options.resume ? candidates.filter((entry) => !isDone(studentRef(entry), before)) : candidates;

  // One controller for the pool: the user's Ctrl-C, or a fatal error (the outputs cannot be written), stops it.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  const progress = createBatchProgress(options.progress.stream, { tty: options.progress.tty, total: toGrade.length });
  const grading = {
    spec: options.spec,
    lab: options.lab,
    probes: options.probes,
    region: options.region,
    targetFor: createStudentTargets(options.instructor),
    takeSnapshot: options.takeSnapshot ?? ((target, spec, snapshotOptions) => takeSnapshot(target, spec, options.lab, snapshotOptions)),
    limiters: new AccountLimiters(),
    accountTimeoutMs: options.accountTimeoutMs,
    outDir,
    signal: stop.signal,
  };
  let gradedNow = 0;
  let fatal: unknown = null;
  try {
    await forEachConcurrently(toGrade, options.concurrency, stop.signal, async (entry) => {
      try {
        progress.finished(await gradeStudent(entry, grading));
        gradedNow += 1;
      } catch (error) {
        if (error instanceof BatchInterrupted) return;
        fatal ??= error;
        stop.abort(error);
      }
    });
  } finally {
    progress.close();
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (fatal !== null) throw fatal;

  const record = classRecord(options.spec, checkInfos(options.lab.catalogue), journal.students, await readOutcomes(outDir));
  const { summary, paths } = await writeClassReports(record, outDir, { bom: options.csvBom ?? false });
  const interrupted = options.signal?.aborted ?? false;
  if (!interrupted && record.pending.length === 0) await writeJournal(outDir, { ...journal, finishedAt: new Date().toISOString() });
  return { record, summary, paths: [join(outDir, JOURNAL_FILE), ...paths], gradedNow, interrupted };
}
