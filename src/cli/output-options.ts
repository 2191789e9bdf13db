// Where a grading command's reports go: the console report (or, with --out - or --output, any one format) on
// stdout, the file formats into the --out folder; with --quiet only the failures and the score; colour or not.
// Logs and progress never go to stdout, so that `--output json | jq` reads a report and nothing else.
import type { Argv } from 'yargs';
import { InputError } from '../errors.js';
import { parseFormats, REPORT_FORMATS, type FileFormat, type ReportFormat } from '../report/index.js';
import { useColor, type CliIo } from './io.js';

/** --out's value for "print the report on stdout" (the usual Unix spelling). */
export const STDOUT = '-';
export const DEFAULT_OUT_DIR = 'reports';

export interface OutputArgs {
  format?: string;
  out?: string;
  output?: string;
  quiet?: boolean;
  /** false for --no-color. */
  color?: boolean;
}

export interface OutputPlan {
  /** The one report printed on stdout, or null. */
  stdout: ReportFormat | null;
  /** Written into outDir. */
  files: FileFormat[];
  outDir: string;
  quiet: boolean;
  color: boolean;
}

export function outputOptions<T>(yargs: Argv<T>, defaultFormats: string): Argv<T & OutputArgs> {
  return yargs
    .option('format', { type: 'string', describe: `Comma-separated report formats: ${REPORT_FORMATS.join(', ')} (default: ${defaultFormats})` })
    .option('out', { type: 'string', nargs: 1, describe: `Folder for the file reports (default: ${DEFAULT_OUT_DIR}); "${STDOUT}" prints the one --format on stdout` })
    .option('output', { type: 'string', describe: 'Print this one report format on stdout and write no file (the AWS CLI\'s spelling of --format X --out -)' })
    .option('quiet', { type: 'boolean', alias: 'q', describe: 'Show only the checks that did not pass and the score; no notes on stderr' })
    .option('color', { type: 'boolean', describe: 'Colour the console report (default: on a terminal; FORCE_COLOR, NO_COLOR honoured); --no-color turns it off' }) as Argv<
    T & OutputArgs
  >;
}

export function outputPlan(args: OutputArgs, io: CliIo, defaultFormats: string): OutputPlan {
  const common = { quiet: args.quiet === true, color: useColor(io, args.color) };
  if (args.output !== undefined) {
    if (args.format !== undefined || args.out !== undefined) {
      throw new InputError('--output prints one report on stdout in place of --format and --out: use --output alone, or --format with --out.');
    }
    return { ...common, stdout: onlyFormat(args.output, '--output'), files: [], outDir: STDOUT };
  }
  const outDir = args.out ?? DEFAULT_OUT_DIR;
  if (outDir === STDOUT) return { ...common, stdout: onlyFormat(args.format ?? defaultFormats, `--out ${STDOUT}`), files: [], outDir };
  const formats = parseFormats(args.format ?? defaultFormats);
  const files = formats.filter((format): format is FileFormat => format !== 'console');
  return { ...common, stdout: formats.includes('console') ? 'console' : null, files, outDir };
}

/** stdout holds one report: two would be one unreadable stream. */
function onlyFormat(list: string, flag: string): ReportFormat {
  const formats = parseFormats(list);
  const [format] = formats;
  if (format === undefined || formats.length > 1) {
    throw new InputError(
      `${flag} prints one report on stdout, but ${formats.length} formats were asked for (${formats.join(', ')}). ` +
        `Name one (e.g. --format json --out ${STDOUT}, or --output json), or write the file reports into a folder with --out <folder>.`,
    );
  }
  return format;
}
