// batch.json, the journal of a batch in its --out folder: which lab, which students (no passwords, no
// ExternalIds), which shard. Written atomically when a batch starts and when it ends; a student's own
// outcome.json says whether that student is done, so a crash never leaves the journal behind the facts.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { LabSpec } from '../lab/types.js';
import { CLASS_FILES } from './class-reports.js';
import { OUTCOME_FILE, STUDENTS_DIR, type StudentOutcome, type StudentRef } from './outcome.js';
import type { Shard } from './shard.js';

export const JOURNAL_FILE = 'batch.json';

export interface BatchJournal {
  schemaVersion: 1;
  lab: { id: string; title: string; version: string; digest: string };
  roster: { path: string; digest: string };
  shard: Shard | null;
  /** The students this batch grades, in roster order. */
  students: StudentRef[];
  startedAt: string;
  finishedAt: string | null;
}

/** Scores from two lab specs (other points, other names) cannot share a gradebook. */
export function labDigest(lab: LabSpec): string {
  return createHash('sha256').update(JSON.stringify(lab)).digest('hex');
}

export function writeJournal(outDir: string, journal: BatchJournal): Promise<void> {
  return writeFileAtomic(join(outDir, JOURNAL_FILE), `${JSON.stringify(journal, null, 2)}\n`);
}

/** The journal in `outDir`, or null when the folder holds no batch. */
export async function readJournal(outDir: string): Promise<BatchJournal | null> {
  let text: string;
  try {
    text = await readFile(join(outDir, JOURNAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(`${join(outDir, JOURNAL_FILE)}: cannot read the batch journal (${(error as NodeJS.ErrnoException).code}).`);
  }
  try {
    const journal = JSON.parse(text) as BatchJournal;
    if (journal.schemaVersion !== 1 || !Array.isArray(journal.students)) throw new Error('unknown layout');
    return journal;
  } catch {
    throw new InputError(`${join(outDir, JOURNAL_FILE)} is not a lab-grader batch journal. Choose another --out, or remove that file.`);
  }
}

/**
 * The complete outcomes in `outDir`, by student id. A missing, half-written or unreadable outcome.json means
 * the student is not done (it is graded again), never an error.
 */
export async function readOutcomes(outDir: string): Promise<Map<string, StudentOutcome>> {
  const outcomes = new Map<string, StudentOutcome>();
  let folders: string[];
  try {
    folders = await readdir(join(outDir, STUDENTS_DIR));
  } catch {
    return outcomes;
  }
  await Promise.all(
    folders.map(async (folder) => {
      try {
        const outcome = JSON.parse(await readFile(join(outDir, STUDENTS_DIR, folder, OUTCOME_FILE), 'utf8')) as StudentOutcome;
        if (outcome.schemaVersion === 1 && outcome.student?.studentId === folder) outcomes.set(folder, outcome);
      } catch {
        // Not done.
      }
    }),
  );
  return outcomes;
}

/** Deletes a batch's files from a folder: only what a batch writes, never anything else in it (--out may be ~). */
export async function clearBatch(outDir: string): Promise<void> {
  await rm(join(outDir, JOURNAL_FILE), { force: true });
  await rm(join(outDir, STUDENTS_DIR), { recursive: true, force: true });
  for (const file of CLASS_FILES) await rm(join(outDir, file), { force: true });
}
