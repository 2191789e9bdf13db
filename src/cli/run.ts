// Parses the command line, runs one command module, and maps whatever it throws to an exit code.
import yargs, { type Argv } from 'yargs';
import { InputError } from '../errors.js';
import { GRADER_VERSION } from '../engine/version.js';
import { batchCommand } from './commands/batch.js';
import { checksCommand } from './commands/checks.js';
import { demoCommand } from './commands/demo.js';
import { explainCommand } from './commands/explain.js';
import { gradeCommand } from './commands/grade.js';
import { mergeCommand } from './commands/merge.js';
import { sandboxCommand } from './commands/sandbox.js';
import { reportError } from './errors.js';
import type { CliIo } from './io.js';

/** A command module: yargs' builder and a handler that returns the exit code. */
export interface CommandModule<A> {
  command: string;
  describe: string;
  builder(yargs: Argv): Argv<A>;
  run(args: A, io: CliIo): Promise<number>;
}

const COMMANDS = [gradeCommand, checksCommand, explainCommand, sandboxCommand, batchCommand, mergeCommand, demoCommand] as CommandModule<unknown>[];

export async function runCli(args: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  let helpOutput = '';
  const parser = yargs(args)
    .scriptName('lab-grader')
    .usage('$0 <command> [options]\n\nGrades the "Securing an API with Amazon API Gateway and Amazon Cognito" lab.')
    .strict()
    .demandCommand(1, 'Name a command: grade, checks, explain or sandbox (see --help).')
    .recommendCommands()
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new InputError(`${message} Run "lab-grader --help" for the usage.`);
    })
    .version(GRADER_VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100));
  for (const module of COMMANDS) {
    parser.command(module.command, module.describe, (y) => module.builder(y), async (argv) => {
      exitCode = await module.run(argv, io);
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
