// The end of every grading command: the console report on stdout, the file reports in their folder, the exit code.
import type { GradeResult } from '../engine/types.js';
import { renderConsole } from '../report/console.js';
import { writeReports, type ReportFormat } from '../report/index.js';
import { gradeExitCode } from './exit-codes.js';
import { useColor, type CliIo } from './io.js';

export async function emitResult(result: GradeResult, formats: readonly ReportFormat[], outDir: string, io: CliIo): Promise<number> {
  if (formats.includes('console')) io.stdout.write(renderConsole(result, { color: useColor(io) }));
  for (const file of await writeReports(result, formats, outDir)) io.stderr.write(`Wrote the ${file.format} report to ${file.path}\n`);
  return gradeExitCode(result);
}
