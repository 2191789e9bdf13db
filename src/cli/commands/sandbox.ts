// lab-grader sandbox: the local AWS for this lab, until interrupted.
import type { Argv } from 'yargs';
import { InputError } from '../../errors.js';
import { startSandbox } from '../../sandbox/index.js';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';

interface SandboxArgs {
  port: number;
  host: string;
  stateDir?: string;
  requestLog?: string;
}

export const sandboxCommand: CommandModule<SandboxArgs> = {
  command: 'sandbox',
  describe: 'Run the local AWS for this lab (the services it uses, see src/sandbox/README.md) on one port',
  builder: (yargs) =>
    yargs
      .option('port', { type: 'number', default: 4566, describe: 'Port to listen on (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' })
      .option('state-dir', { type: 'string', describe: 'Keep the state in this folder across restarts' })
      .option('request-log', { type: 'string', describe: 'Append one JSON line per request to this file' })
      .example('$0 sandbox --state-dir ~/.lab-sandbox', 'practise the lab over several days')
      .example('aws --endpoint-url http://127.0.0.1:4566 <service> <command>', 'use it from the AWS CLI') as Argv<SandboxArgs>,
  async run(args, io) {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
      throw new InputError(`--port must be a whole number from 0 to 65535, not "${args.port}".`);
    }
    const sandbox = await startSandbox({ port: args.port, host: args.host, stateDir: args.stateDir, requestLogFile: args.requestLog });
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
