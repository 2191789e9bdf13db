// What a command module is: yargs' builder and a handler that returns the exit code.
import type { Argv } from 'yargs';
import type { Lab } from '../pipeline/lab.js';
import type { CliIo } from './io.js';

export interface CommandModule<A> {
  command: string;
  describe: string;
  builder(yargs: Argv): Argv<A>;
  /** `loadLab`: the lab graded, loaded only by the commands that need it. */
  run(args: A, io: CliIo, loadLab: () => Promise<Lab>): Promise<number>;
}
