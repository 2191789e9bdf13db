// lab-grader batch <roster>: grade a class, one account per student, through each account's grading role.
import type { Argv } from 'yargs';
import { DEFAULT_ACCOUNT_TIMEOUT_SECONDS, DEFAULT_CONCURRENCY, runBatch, type BatchResult } from '../../batch/run.js';
import { renderClassTable } from '../../batch/progress.js';
import { parseShard } from '../../batch/shard.js';
import { InputError } from '../../errors.js';
import { resolveProbePassword } from '../../probes/index.js';
import { validateRegion } from '../../target/index.js';
import type { CliIo } from '../io.js';
import type { CommandModule } from '../command.js';
import { batchExitCode } from '../exit-codes.js';

export interface BatchArgs {
  roster: string;
  out: string;
  concurrency: number;
  accountTimeout: number;
  resume: boolean;
  force: boolean;
  only?: string;
  shard?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /** false for --no-probes. */
  probes: boolean;
  lab?: string;
  csvBom: boolean;
}

/** `regrade`: the command that regrades students in error can be run again (not so in the demo's gone sandbox). */
export function printBatchEnd(result: Pick<BatchResult, 'record' | 'paths' | 'interrupted'>, io: CliIo, resumeHint: string, regrade = true): void {
  io.stdout.write(renderClassTable(result.record));
  io.stderr.write(`\nWrote:\n${result.paths.map((path) => `  ${path}\n`).join('')}`);
  const errors = result.record.done.filter((outcome) => outcome.status === 'error').map((outcome) => outcome.student.studentId);
  if (errors.length > 0) {
    const count = `${errors.length} student${errors.length > 1 ? 's' : ''}`;
    io.stderr.write(`${count} could not be graded (the reason in full: students/<id>/error.txt)${regrade ? `; once fixed, regrade with --only ${errors.join(',')}` : ''}\n`);
  }
  if (result.interrupted) io.stderr.write(`Interrupted: ${result.record.pending.length} students not graded yet. Continue with: ${resumeHint}\n`);
}

export const batchCommand: CommandModule<BatchArgs> = {
  command: 'batch <roster>',
  describe: 'Grade a class: every student account of a roster (CSV or JSON), through a read-only grading role in each',
  builder: (yargs) =>
    yargs
      .positional('roster', { type: 'string', demandOption: true, describe: 'CSV or JSON roster: student_id, name, account_id, role_arn, external_id (or profile), region, password; other columns (email, sis_id) go to the gradebook' })
      .option('out', { type: 'string', default: 'reports/batch', describe: 'Folder for the class outputs and a folder per student' })
      .option('concurrency', { type: 'number', default: DEFAULT_CONCURRENCY, describe: 'Students graded at the same time' })
      .option('account-timeout', { type: 'number', default: DEFAULT_ACCOUNT_TIMEOUT_SECONDS, describe: 'Seconds one account may take before it is an error' })
      .option('resume', { type: 'boolean', default: false, describe: 'Continue a batch in --out: grade only the students not done' })
      .option('force', { type: 'boolean', default: false, describe: 'Start over in an --out that holds a batch (deletes its results)' })
      .option('only', { type: 'string', describe: 'Comma-separated student ids to grade (again)' })
      .option('shard', { type: 'string', describe: 'Grade one part of the roster, i/n (merge the parts with "lab-grader merge")' })
      .option('region', { type: 'string', describe: "Region of every student's lab (default: the roster's region column, else the lab's)" })
      .option('profile', { type: 'string', describe: 'Your (the instructor\'s) AWS profile, used to assume the grading roles' })
      .option('endpoint-url', { type: 'string', describe: 'Send every AWS call, role assumption included, to this endpoint (the sandbox)' })
      .option('probes', { type: 'boolean', default: true, describe: `Sign in and call each API (default); --no-probes grades the configuration only` })
      .option('lab', { type: 'string', describe: 'Lab spec JSON (default: the bundled spec of this lab)' })
      .option('csv-bom', { type: 'boolean', default: false, alias: 'excel', describe: 'Start gradebook.csv with a UTF-8 byte order mark, so Excel shows accented names right' })
      .example('$0 batch roster.csv', 'grade the class into reports/batch/')
      .example('$0 batch roster.csv --resume', 'continue after an interruption')
      .example('$0 batch roster.csv --excel', 'a gradebook.csv that Excel opens with the names right')
      .example('$0 batch roster.csv --shard 1/2 --out part1', 'grade half of the roster (the other half on another machine)') as unknown as Argv<BatchArgs>,
  async run(args, io, loadLab) {
    if (args.region !== undefined) validateRegion(args.region);
    const only = args.only === undefined ? null : args.only.split(',').map((id) => id.trim()).filter(Boolean);
    if (only !== null && only.length === 0) throw new InputError('--only: name at least one student id (comma-separated).');
    const lab = await loadLab();
    const spec = await lab.loadSpec(args.lab);
    const interrupt = new AbortController();
    void io.untilInterrupted().then(() => interrupt.abort(new Error('interrupted')));
    const result = await runBatch({
      rosterPath: args.roster,
      outDir: args.out,
      spec,
      lab,
      // The class's password for the sign-in probe: $LAB_GRADER_PASSWORD, else the lab's; a roster row may override it.
      probes: args.probes ? { password: resolveProbePassword(undefined, io.env, spec.password) } : null,
      instructor: { profile: args.profile, endpointUrl: args.endpointUrl },
      region: args.region,
      concurrency: args.concurrency,
      accountTimeoutMs: args.accountTimeout * 1000,
      resume: args.resume,
      force: args.force,
      only,
      shard: args.shard === undefined ? null : parseShard(args.shard),
      signal: interrupt.signal,
      progress: { stream: io.stderr, tty: Boolean(io.stderr.isTTY) },
      csvBom: args.csvBom,
    });
    printBatchEnd(result, io, `lab-grader batch ${args.roster} --resume --out ${args.out}${args.shard ? ` --shard ${args.shard}` : ''}`);
    return batchExitCode(result);
  },
};
