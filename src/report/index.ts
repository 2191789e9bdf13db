// The report formats a user can ask for, and writing the file ones into a folder (or rendering one for stdout).
// The console report is not a file: the caller prints renderConsole's text.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResult } from '../engine/types.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { renderGradescope } from './gradescope.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';

export const REPORT_FORMATS = ['console', 'json', 'junit', 'gradescope'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type FileFormat = Exclude<ReportFormat, 'console'>;

const FILE_REPORTS: Record<FileFormat, { fileName: string; render: (result: GradeResult) => string }> = {
  json: { fileName: 'report.json', render: renderJson },
  junit: { fileName: 'junit.xml', render: renderJunit },
  gradescope: { fileName: 'results.json', render: renderGradescope },
};

/** A file format's text, for a caller that prints it (--out -) instead of writing it into a folder. */
export function renderFileReport(result: GradeResult, format: FileFormat): string {
  return FILE_REPORTS[format].render(result);
}

const isReportFormat = (name: string): name is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(name);

/** "console,json" -> ['console', 'json']: trimmed, case-insensitive, duplicates dropped, order kept. */
export function parseFormats(list: string): ReportFormat[] {
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const valid = `Valid formats: ${REPORT_FORMATS.join(', ')} (comma-separated, e.g. --format console,junit).`;
  if (names.length === 0) throw new InputError(`No report format given. ${valid}`);
  const unknown = names.filter((name) => !isReportFormat(name));
  if (unknown.length > 0) {
    throw new InputError(`Unknown report format${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}. ${valid}`);
  }
  return [...new Set(names as ReportFormat[])];
}

/**
 * Writes the file formats among `formats` into `outDir` (created if missing), each atomically, in the order
 * given. A folder or file that cannot be written is an InputError naming its path.
 */
export async function writeReports(
  result: GradeResult,
  formats: readonly ReportFormat[],
  outDir: string,
): Promise<{ format: ReportFormat; path: string }[]> {
  const written: { format: ReportFormat; path: string }[] = [];
  if (formats.every((format) => format === 'console')) return written;
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`Cannot create the report folder ${outDir} (${reason}). Choose another folder with --out.`);
  }
  for (const format of formats) {
    if (format === 'console') continue;
    const path = join(outDir, FILE_REPORTS[format].fileName);
    await writeFileAtomic(path, renderFileReport(result, format));
    written.push({ format, path });
  }
  return written;
}
