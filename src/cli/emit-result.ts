// The end of every grading command: one report on stdout, the file reports in their folder, the exit code.
import type { GradeResult } from '../engine/types.js';
import { renderConsole } from '../report/console.js';
import { renderFileReport, writeReports } from '../report/index.js';
import { gradeExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import type { OutputPlan } from './output-options.js';

export async function emitResult(result: GradeResult, plan: OutputPlan, io: CliIo): Promise<number> {
  if (plan.stdout === 'console') io.stdout.write(renderConsole(result, { color: plan.color, quiet: plan.quiet }));
  else if (plan.stdout !== null) io.stdout.write(renderFileReport(result, plan.stdout));
  for (const file of await writeReports(result, plan.files, plan.outDir)) {
    if (!plan.quiet) io.stderr.write(`Wrote the ${file.format} report to ${file.path}\n`);
  }
  return gradeExitCode(result);
}
