// lab-grader demo: the reference solution in a throwaway sandbox, graded live (src/demo/); with --class N, a
// class of sandbox accounts graded by the batch.
import { join } from 'node:path';
import type { Argv } from 'yargs';
import gradingPolicy from '../../batch/grading-role/policy.json' with { type: 'json' };
import { DEFAULT_ACCOUNT_TIMEOUT_SECONDS, runBatch } from '../../batch/run.js';
import { LIST_MISTAKES, MAX_DEMO_CLASS, mistakeList, mistakeNamed, parseClassSize, runClassDemo, runDemo } from '../../demo/index.js';
import { InputError } from '../../errors.js';
import type { Lab } from '../../pipeline/lab.js';
import type { CommandModule } from '../command.js';
import { emitResult } from '../emit-result.js';
import { batchExitCode, EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { DEFAULT_OUT_DIR, outputOptions, outputPlan, STDOUT, type OutputArgs } from '../output-options.js';
import { printBatchEnd } from './batch.js';

interface DemoArgs extends OutputArgs {
  break?: string;
  class?: number;
}

const DEFAULT_FORMATS = 'console,json,junit,gradescope';

/** The class demo's own folder under --out: started over at every run, so no batch of real accounts is touched. */
const CLASS_DEMO_DIR = 'class-demo';

async function runClass(size: number, args: DemoArgs, io: CliIo, lab: Lab): Promise<number> {
  if (args.output !== undefined || args.out === STDOUT) {
    throw new InputError(`--class writes a class's files (gradebook, summary, a report per student) into a folder: give --out <folder>, not --out ${STDOUT} or --output.`);
  }
  const spec = await lab.loadSpec();
  const out = args.out ?? DEFAULT_OUT_DIR;
  const outDir = join(out, CLASS_DEMO_DIR);
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
  printBatchEnd(result, io, `lab-grader demo --class ${size} --out ${out}`, false);
  io.stderr.write(`Open ${join(outDir, 'summary.html')} for the class at a glance. With real accounts: lab-grader batch <roster> (README).\n`);
  return batchExitCode(result);
}

export const demoCommand: CommandModule<DemoArgs> = {
  command: 'demo',
  describe: 'Deploy the reference solution into a local sandbox, grade it live, and stop the sandbox (--class N: a whole class, graded by the batch)',
  builder: (yargs) =>
    outputOptions(yargs.option('break', { type: 'string', describe: `Apply this typical mistake after the deploy ("${LIST_MISTAKES}" lists them)` }), DEFAULT_FORMATS)
      .option('class', { type: 'number', describe: `Instead: N sandbox student accounts (1 to ${MAX_DEMO_CLASS}) with the grading role and a mix of mistakes, graded as "lab-grader batch" does into <out>/${CLASS_DEMO_DIR}` })
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
    const plan = outputPlan(args, io, DEFAULT_FORMATS);
    const outcome = await runDemo({ lab: await loadLab(), mistake, log: io.stderr, untilInterrupted: () => io.untilInterrupted() });
    return outcome === 'interrupted' ? EXIT.interrupted : emitResult(outcome, plan, io);
  },
};
