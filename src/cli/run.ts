// Parses the command line, runs one command module, and maps whatever it throws to an exit code.
import yargs from 'yargs';
import { InputError } from '../errors.js';
import type { Lab } from '../pipeline/lab.js';
import { GRADER_VERSION } from '../version.js';
import type { CommandModule } from './command.js';
import { reportError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

// Loaded on demand: a command's dependencies (the AWS SDK, the sandbox, ajv's schemas) cost hundreds of
// milliseconds to evaluate, which `lab-grader sandbox` or `--version` should not pay for the others.
const COMMANDS: Record<string, () => Promise<CommandModule<unknown>>> = {
  grade: async () => (await import('./commands/grade.js')).gradeCommand as CommandModule<unknown>,
  checks: async () => (await import('./commands/checks.js')).checksCommand as CommandModule<unknown>,
  explain: async () => (await import('./commands/explain.js')).explainCommand as CommandModule<unknown>,
  sandbox: async () => (await import('./commands/sandbox.js')).sandboxCommand as CommandModule<unknown>,
  batch: async () => (await import('./commands/batch.js')).batchCommand as CommandModule<unknown>,
  merge: async () => (await import('./commands/merge.js')).mergeCommand as CommandModule<unknown>,
  demo: async () => (await import('./commands/demo.js')).demoCommand as CommandModule<unknown>,
};

/** The command the arguments name, or every command (for --help, a typo, or none at all). */
function commandsFor(args: string[]): Promise<CommandModule<unknown>[]> {
  const named = args.find((arg) => !arg.startsWith('-'));
  const names = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => (COMMANDS[name] as () => Promise<CommandModule<unknown>>)()));
}

export async function runCli(args: string[], io: CliIo, loadLab: () => Promise<Lab>): Promise<number> {
  let exitCode: number = EXIT.ok;
  let helpOutput = '';
  const parser = yargs(args)
    .scriptName('lab-grader')
    .usage('$0 <command> [options]\n\nGrades a hands-on AWS lab from the outside: reads the account, probes it live, reports a score.')
    .strict()
    .demandCommand(1, `Name a command: ${Object.keys(COMMANDS).join(', ')}.`)
    .recommendCommands()
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      // yargs' suggestion for a mistyped command says only "Did you mean ...?": name what was typed.
      const typed = args.find((arg) => !arg.startsWith('-'));
      const what = message.startsWith('Did you mean') && typed ? `There is no command "${typed}". ${message}` : message;
      throw new InputError(`${/[.?!]$/.test(what) ? what : `${what}.`} Run "lab-grader --help" for the usage.`);
    })
    .version(GRADER_VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100));
  for (const module of await commandsFor(args)) {
    parser.command(module.command, module.describe, (y) => module.builder(y), async (argv) => {
      exitCode = await module.run(argv, io, loadLab);
    });
  }
  try {
    await parser.parseAsync(args, {}, (_error, _argv, output) => {
      helpOutput = output;
    });
    if (helpOutput) io.stdout.write(`${helpOutput}\n`);
    return exitCode;
  } catch (error) {
    const report = reportError(error, io.env.LAB_GRADER_DEBUG === '1');
    io.stderr.write(`${report.message}\n`);
    return report.exitCode;
  }
}
