// lab-grader demo: the reference solution in a throwaway sandbox, graded live (src/demo/); with --class N, a
// class of sandbox accounts graded by the batch.
import { join } from 'node:path';
import type { Argv } from 'yargs';
import gradingPolicy from '../../batch/grading-role/policy.json' with { type: 'json' };
import { DEFAULT_ACCOUNT_TIMEOUT_SECONDS, runBatch } from '../../batch/run.js';
import { LIST_MISTAKES, MAX_DEMO_CLASS, mistakeList, mistakeNamed, parseClassSize, runClassDemo, runDemo } from '../../demo/index.js';
import { InputError } from '../../errors.js';
import type { Lab } from '../../pipeline/lab.js';
import { parseFormats, REPORT_FORMATS } from '../../report/index.js';
import type { CommandModule } from '../command.js';
import { emitResult } from '../emit-result.js';
import { batchExitCode, EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { printBatchEnd } from './batch.js';

interface DemoArgs {
  break?: string;
  class?: number;
  format: string;
  out: string;
}

/** The class demo's own folder under --out: started over at every run, so no batch of real accounts is touched. */
const CLASS_DEMO_DIR = 'class-demo';

async function runClass(size: number, args: DemoArgs, io: CliIo, lab: Lab): Promise<number> {
  const spec = await lab.loadSpec();
  const outDir = join(args.out, CLASS_DEMO_DIR);
  const interrupt = new AbortController();
  const result = await runClassDemo({
    size,
    outDir,
    gradingPolicy,
    log: io.stderr,
    untilInterrupted: () => io.untilInterrupted().then(() => interrupt.abort(new Error('interrupted'))),
    grade: (demoClass) =>
      runBatch({
        rosterPath: demoClass.rosterPath,
        outDir,
        spec,
        lab,
        probes: { password: spec.password },
        instructor: { endpointUrl: demoClass.endpoint, target: demoClass.instructorTarget },
        concurrency: 4,
        accountTimeoutMs: DEFAULT_ACCOUNT_TIMEOUT_SECONDS * 1000,
        resume: false,
        force: true,
        only: null,
        shard: null,
        signal: interrupt.signal,
        progress: { stream: io.stderr, tty: Boolean(io.stderr.isTTY) },
      }),
  });
  if (result === 'interrupted') return EXIT.interrupted;
  printBatchEnd(result, io, `lab-grader demo --class ${size} --out ${args.out}`, false);
  io.stderr.write(`Open ${join(outDir, 'summary.html')} for the class at a glance. With real accounts: lab-grader batch <roster> (README).\n`);
  return batchExitCode(result);
}

export const demoCommand: CommandModule<DemoArgs> = {
  command: 'demo',
  describe: 'Deploy the reference solution into a local sandbox, grade it live, and stop the sandbox (--class N: a whole class, graded by the batch)',
  builder: (yargs) =>
    yargs
      .option('break', { type: 'string', describe: `Apply this typical mistake after the deploy ("${LIST_MISTAKES}" lists them)` })
      .option('class', { type: 'number', describe: `Instead: N sandbox student accounts (1 to ${MAX_DEMO_CLASS}) with the grading role and a mix of mistakes, graded as "lab-grader batch" does into <out>/${CLASS_DEMO_DIR}` })
      .option('format', { type: 'string', default: 'console,json,junit,gradescope', describe: `Comma-separated report formats: ${REPORT_FORMATS.join(', ')}` })
      .option('out', { type: 'string', default: 'reports', describe: 'Folder for the file reports' })
      .example('$0 demo', 'the complete lab: 100/100, exit 0')
      .example('$0 demo --break hello-get-none', 'what a learner whose GET /hello is open sees (exit 1)')
      .example(`$0 demo --break ${LIST_MISTAKES}`, 'the mistakes it can show')
      .example('$0 demo --class 8', `a class of 8, graded into reports/${CLASS_DEMO_DIR}/ (gradebook.csv, summary.html, a folder per student)`) as Argv<DemoArgs>,
  async run(args, io, loadLab) {
    if (args.break === LIST_MISTAKES) {
      io.stdout.write(`The mistakes "lab-grader demo --break <name>" can show:\n${mistakeList()}`);
      return EXIT.ok;
    }
    if (args.class !== undefined) {
      if (args.break !== undefined) throw new InputError('--class makes its own mix of mistakes: give --break without --class.');
      return runClass(parseClassSize(args.class), args, io, await loadLab());
    }
    // Bad input is refused before a sandbox is started.
    const mistake = args.break === undefined ? null : mistakeNamed(args.break);
    const formats = parseFormats(args.format);
    const outcome = await runDemo({ lab: await loadLab(), mistake, log: io.stderr, untilInterrupted: () => io.untilInterrupted() });
    return outcome === 'interrupted' ? EXIT.interrupted : emitResult(outcome, formats, args.out, io);
  },
};
