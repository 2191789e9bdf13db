// The class outputs, always rebuilt from every student's outcome in the folder (so a resumed or merged batch
// has the same files as one run straight through), each written atomically.
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { ClassRecord } from './class-record.js';
import { renderCombinedJunit } from './combined-junit.js';
import { renderGradebook, type GradebookOptions } from './gradebook.js';
import { renderSummaryHtml } from './summary-html.js';
import { summarize, type ClassSummary } from './summary.js';

export const CLASS_FILES = ['gradebook.csv', 'junit.xml', 'summary.json', 'summary.html'] as const;

export async function writeClassReports(
  record: ClassRecord,
  outDir: string,
  gradebook: GradebookOptions = {},
): Promise<{ summary: ClassSummary; paths: string[] }> {
  const summary = summarize(record);
  const contents: Record<(typeof CLASS_FILES)[number], string> = {
    'gradebook.csv': renderGradebook(record, gradebook),
    'junit.xml': await renderCombinedJunit(record, outDir),
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'summary.html': renderSummaryHtml(record, summary),
  };
  const paths: string[] = [];
  for (const file of CLASS_FILES) {
    const path = join(outDir, file);
    await writeFileAtomic(path, contents[file]);
    paths.push(path);
  }
  return { summary, paths };
}
