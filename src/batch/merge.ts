// lab-grader merge: several batches' folders (the shards of one roster, or separate sections) into one, with the
// class outputs rebuilt over all of them. Refuses anything that would make a wrong gradebook: shards missing or
// given twice, a student in two folders, a student without a result, two lab specs.
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Check } from '../engine/types.js';
import { InputError } from '../errors.js';
import { checkInfos, classRecord, type ClassRecord } from './class-record.js';
import { writeClassReports } from './class-reports.js';
import { studentDir } from './grade-student.js';
import { clearBatch, JOURNAL_FILE, readJournal, readOutcomes, writeJournal, type BatchJournal } from './journal.js';
import { isDone, type StudentOutcome, type StudentRef } from './outcome.js';
import { formatShard } from './shard.js';

export interface MergeOptions {
  dirs: string[];
  outDir: string;
  force: boolean;
  checks: readonly Check[];
}

interface Part {
  dir: string;
  journal: BatchJournal;
  outcomes: Map<string, StudentOutcome>;
}

async function readPart(dir: string): Promise<Part> {
  const journal = await readJournal(dir);
  if (journal === null) throw new InputError(`${dir} holds no batch (no ${JOURNAL_FILE}); name the --out folders of "lab-grader batch" runs.`);
  return { dir, journal, outcomes: await readOutcomes(dir) };
}

function checkShards(parts: Part[]): void {
  const sharded = parts.filter((part) => part.journal.shard !== null);
  if (sharded.length === 0) return;
  if (sharded.length !== parts.length) {
    throw new InputError(`Some folders hold shards and some do not (${parts.map((p) => `${p.dir}: ${p.journal.shard ? formatShard(p.journal.shard) : 'whole roster'}`).join(', ')}); merge shards of one roster only.`);
  }
  const [first] = parts as [Part, ...Part[]];
  const count = (first.journal.shard as { count: number }).count;
  for (const part of parts) {
    if (part.journal.shard?.count !== count || part.journal.roster.digest !== first.journal.roster.digest) {
      throw new InputError(`${part.dir} is not a shard of the same roster split the same way as ${first.dir}; merge shards of one --shard i/${count} run of one roster.`);
    }
  }
  for (let index = 1; index <= count; index++) {
    const holders = parts.filter((part) => part.journal.shard?.index === index);
    if (holders.length === 0) throw new InputError(`Shard ${index}/${count} is missing: grade it with --shard ${index}/${count} and name its folder too.`);
    if (holders.length > 1) throw new InputError(`Shard ${index}/${count} is given twice (${holders.map((part) => part.dir).join(' and ')}): name each shard's folder once.`);
  }
}

function checkStudents(parts: Part[]): StudentRef[] {
  const owner = new Map<string, string>();
  const students: StudentRef[] = [];
  for (const part of parts) {
    const overlapping = part.journal.students.filter((student) => owner.has(student.studentId));
    if (overlapping.length > 0) {
      const names = overlapping.slice(0, 10).map((student) => `${student.studentId} (${owner.get(student.studentId)} and ${part.dir})`);
      throw new InputError(`Students in more than one folder: ${names.join(', ')}${overlapping.length > 10 ? ', …' : ''}. Each student must come from one batch only.`);
    }
    const missing = part.journal.students.filter((student) => !isDone(student, part.outcomes));
    if (missing.length > 0) {
      const ids = missing.slice(0, 10).map((student) => student.studentId);
      throw new InputError(
        `${part.dir} has no result for ${missing.length} student${missing.length > 1 ? 's' : ''} (${ids.join(', ')}${missing.length > 10 ? ', …' : ''}). ` +
          `Finish that batch first: lab-grader batch <roster> --resume --out ${part.dir}.`,
      );
    }
    for (const student of part.journal.students) owner.set(student.studentId, part.dir);
    students.push(...part.journal.students);
  }
  return students;
}

export async function mergeBatches(options: MergeOptions): Promise<{ record: ClassRecord; paths: string[] }> {
  const outDir = resolve(options.outDir);
  if (options.dirs.length === 0) throw new InputError('merge: name the batch folders to merge.');
  if (options.dirs.some((dir) => resolve(dir) === outDir)) throw new InputError(`merge: --out ${options.outDir} is one of the folders being merged; choose a new folder.`);
  const parts = await Promise.all(options.dirs.map(readPart));
  const [first] = parts as [Part, ...Part[]];
  const otherLab = parts.find((part) => part.journal.lab.digest !== first.journal.lab.digest);
  if (otherLab) throw new InputError(`${otherLab.dir} was graded with another lab spec than ${first.dir}; their scores cannot share a gradebook.`);
  checkShards(parts);
  const merged = checkStudents(parts);
  // Shards of one roster go back into roster order, so the merge equals the unsharded run.
  const students = first.journal.shard === null ? merged : [...merged].sort((a, b) => a.index - b.index);

  if (await readJournal(outDir)) {
    if (!options.force) throw new InputError(`${options.outDir} already holds a batch; choose a new --out, or pass --force to replace it.`);
  }
  await clearBatch(outDir);
  const outcomes = new Map<string, StudentOutcome>();
  for (const part of parts) {
    for (const student of part.journal.students) {
      await cp(studentDir(part.dir, student.studentId), studentDir(outDir, student.studentId), { recursive: true });
      outcomes.set(student.studentId, part.outcomes.get(student.studentId) as StudentOutcome);
    }
  }
  const startedAt = parts.map((part) => part.journal.startedAt).sort()[0] as string;
  await writeJournal(outDir, {
    ...first.journal,
    shard: null,
    students,
    startedAt,
    finishedAt: new Date().toISOString(),
  });
  const record = classRecord(first.journal.lab, checkInfos(options.checks), students, outcomes);
  const { paths } = await writeClassReports(record, outDir);
  return { record, paths: [join(outDir, JOURNAL_FILE), ...paths] };
}
