// lab-grader merge <dirs...> --out <dir>: the shards of a batch (or separate sections) into one gradebook.
import type { Argv } from 'yargs';
import { mergeBatches } from '../../batch/merge.js';
import type { CommandModule } from '../command.js';
import { batchExitCode } from '../exit-codes.js';
import { printBatchEnd } from './batch.js';

export interface MergeArgs {
  dirs: string[];
  out: string;
  force: boolean;
}

export const mergeCommand: CommandModule<MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Merge the --out folders of several batch runs (e.g. every --shard) into one gradebook, junit and summary',
  builder: (yargs) =>
    yargs
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'The batch folders to merge' })
      .option('out', { type: 'string', demandOption: true, describe: 'A new folder for the merged batch' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace a batch already in --out' })
      .example('$0 merge part1 part2 --out reports/batch', 'merge the two shards of a roster') as Argv<MergeArgs>,
  async run(args, io, loadLab) {
    const { catalogue } = await loadLab();
    const result = await mergeBatches({ dirs: args.dirs, outDir: args.out, force: args.force, checks: catalogue });
    printBatchEnd({ ...result, interrupted: false }, io, '');
    return batchExitCode({ ...result, interrupted: false });
  },
};
