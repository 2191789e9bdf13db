// lab-grader sandbox: the local AWS for this lab, until interrupted.
import type { Argv } from 'yargs';
import { InputError } from '../../errors.js';
import { isLoopbackHost, SandboxListenError, SandboxOptionsError, startSandbox } from '../../sandbox/index.js';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';

interface SandboxArgs {
  port: number;
  host: string;
  allowRemote: boolean;
  allowOrigin: string[];
  stateDir?: string;
  requestLog?: string;
}

/** The flags' own mistakes, before anything listens. */
function checkArgs(args: SandboxArgs): void {
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new InputError(`--port must be a whole number from 0 to 65535, not "${args.port}".`);
  }
  if (!isLoopbackHost(args.host) && !args.allowRemote) {
    throw new InputError(
      `--host ${args.host} is not a loopback address. The sandbox runs the code it is sent with no authentication, ` +
        `so it listens on this machine only (127.0.0.1, ::1, localhost); add --allow-remote to listen on ${args.host} anyway.`,
    );
  }
}

export const sandboxCommand: CommandModule<SandboxArgs> = {
  command: 'sandbox',
  describe: 'Run the local AWS for this lab (the services it uses, see src/sandbox/README.md) on one port',
  builder: (yargs) =>
    yargs
      .option('port', { type: 'number', default: 4566, describe: 'Port to listen on (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on (loopback only, unless --allow-remote)' })
      .option('allow-remote', {
        type: 'boolean',
        default: false,
        describe: 'Allow a --host other than loopback: anyone who reaches the port can run code as you',
      })
      .option('allow-origin', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'A web page origin (http://localhost:3000) allowed to call the sandbox; repeatable',
      })
      .option('state-dir', { type: 'string', describe: 'Keep the state in this folder across restarts' })
      .option('request-log', { type: 'string', describe: 'Append one JSON line per request to this file' })
      .example('$0 sandbox --state-dir ~/.lab-sandbox', 'practise the lab over several days')
      .example('aws --endpoint-url http://127.0.0.1:4566 <service> <command>', 'use it from the AWS CLI') as unknown as Argv<SandboxArgs>,
  async run(args, io) {
    checkArgs(args);
    if (args.allowRemote && !isLoopbackHost(args.host)) {
      io.stderr.write(
        `Warning: the sandbox listens on ${args.host}. It runs the code it is sent (Lambda functions) as your user, ` +
          `with no authentication: anyone who can reach this port can run commands on this machine.\n`,
      );
    }
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    try {
      sandbox = await startSandbox({
        port: args.port,
        host: args.host,
        allowRemote: args.allowRemote,
        allowOrigins: args.allowOrigin,
        stateDir: args.stateDir,
        requestLogFile: args.requestLog,
      });
    } catch (error) {
      if (error instanceof SandboxListenError || error instanceof SandboxOptionsError) throw new InputError(error.message);
      throw error;
    }
    io.stdout.write(
      `Sandbox listening on ${sandbox.url}\n` +
        `  AWS CLI:  aws --endpoint-url ${sandbox.url} --region us-east-1 <command>\n` +
        `  Grade it: lab-grader grade --endpoint-url ${sandbox.url}\n` +
        `Credentials can be anything; an access key id of 12 digits is that account. Press Ctrl-C to stop.\n`,
    );
    await io.untilInterrupted();
    await sandbox.stop();
    io.stdout.write('Sandbox stopped.\n');
    return EXIT.ok;
  },
};
