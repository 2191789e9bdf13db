// lab-grader demo: the reference solution in a throwaway sandbox, graded live (src/demo/).
import type { Argv } from 'yargs';
import { LIST_MISTAKES, mistakeList, mistakeNamed, runDemo } from '../../demo/index.js';
import type { CommandModule } from '../command.js';
import { emitResult } from '../emit-result.js';
import { EXIT } from '../exit-codes.js';
import { outputOptions, outputPlan, type OutputArgs } from '../output-options.js';

interface DemoArgs extends OutputArgs {
  break?: string;
}

const DEFAULT_FORMATS = 'console,json,junit,gradescope';

export const demoCommand: CommandModule<DemoArgs> = {
  command: 'demo',
  describe: 'Deploy the reference solution into a local sandbox, grade it live, and stop the sandbox',
  builder: (yargs) =>
    outputOptions(yargs.option('break', { type: 'string', describe: `Apply this typical mistake after the deploy ("${LIST_MISTAKES}" lists them)` }), DEFAULT_FORMATS)
      .example('$0 demo', 'the complete lab: 100/100, exit 0')
      .example('$0 demo --break hello-get-none', 'what a learner whose GET /hello is open sees (exit 1)')
      .example(`$0 demo --break ${LIST_MISTAKES}`, 'the mistakes it can show') as Argv<DemoArgs>,
  async run(args, io, loadLab) {
    if (args.break === LIST_MISTAKES) {
      io.stdout.write(`The mistakes "lab-grader demo --break <name>" can show:\n${mistakeList()}`);
      return EXIT.ok;
    }
    // Bad input is refused before a sandbox is started.
    const mistake = args.break === undefined ? null : mistakeNamed(args.break);
    const plan = outputPlan(args, io, DEFAULT_FORMATS);
    const outcome = await runDemo({ lab: await loadLab(), mistake, log: io.stderr, untilInterrupted: () => io.untilInterrupted() });
    return outcome === 'interrupted' ? EXIT.interrupted : emitResult(outcome, plan, io);
  },
};
