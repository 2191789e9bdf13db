// lab-grader checks: the catalogue, one line per check.
import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';

interface ChecksArgs {
  lab?: string;
  json: boolean;
}

export const checksCommand: CommandModule<ChecksArgs> = {
  command: 'checks',
  describe: 'List the checks: id, lab activity, points and title',
  builder: (yargs) =>
    yargs
      .option('lab', { type: 'string', describe: 'Lab spec JSON (default: the bundled spec)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' })
      .example('$0 checks', 'list every check with its points') as Argv<ChecksArgs>,
  async run(args, io, loadLab) {
    const lab = await loadLab();
    const spec = await lab.loadSpec(args.lab);
    const rows = lab.catalogue.map(({ meta }) => ({ id: meta.id, step: meta.step, points: spec.points[meta.id] ?? 0, kind: meta.kind, title: meta.title }));
    if (args.json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const idWidth = Math.max(...rows.map((row) => row.id.length));
    io.stdout.write(`${'ID'.padEnd(idWidth)}  STEP  POINTS  TITLE\n`);
    for (const row of rows) {
      io.stdout.write(`${row.id.padEnd(idWidth)}  ${String(row.step).padStart(4)}  ${String(row.points).padStart(6)}  ${row.title}${row.kind === 'probe' ? ' (live probe)' : ''}\n`);
    }
    const total = rows.reduce((sum, row) => sum + row.points, 0);
    io.stdout.write(`${rows.length} checks, ${total} points\n`);
    return EXIT.ok;
  },
};
