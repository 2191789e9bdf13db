// lab-grader demo: the reference solution in a throwaway sandbox, graded live (src/demo/).
import type { Argv } from 'yargs';
import { LIST_MISTAKES, mistakeList, mistakeNamed, runDemo } from '../../demo/index.js';
import { parseFormats, REPORT_FORMATS } from '../../report/index.js';
import type { CommandModule } from '../command.js';
import { emitResult } from '../emit-result.js';
import { EXIT } from '../exit-codes.js';

interface DemoArgs {
  break?: string;
  format: string;
  out: string;
}

export const demoCommand: CommandModule<DemoArgs> = {
  command: 'demo',
  describe: 'Deploy the reference solution into a local sandbox, grade it live, and stop the sandbox',
  builder: (yargs) =>
    yargs
      .option('break', { type: 'string', describe: `Apply this typical mistake after the deploy ("${LIST_MISTAKES}" lists them)` })
      .option('format', { type: 'string', default: 'console,json,junit,gradescope', describe: `Comma-separated report formats: ${REPORT_FORMATS.join(', ')}` })
      .option('out', { type: 'string', default: 'reports', describe: 'Folder for the file reports' })
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
    const formats = parseFormats(args.format);
    const outcome = await runDemo({ lab: await loadLab(), mistake, log: io.stderr, untilInterrupted: () => io.untilInterrupted() });
    return outcome === 'interrupted' ? EXIT.interrupted : emitResult(outcome, formats, args.out, io);
  },
};
