// Reads the code blocks of LAB.md, the lab as learners receive it, with the activity each belongs to.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LAB_MARKDOWN_PATH = fileURLToPath(new URL('../../../shared/lab/LAB.md', import.meta.url));

export interface LabBlock {
  /** "Activity 6: Create Lambda Backend Function" */
  activity: string;
  code: string;
}

/** The fenced code blocks under "### Activity N" headings, in order; null when LAB.md is not beside the project. */
export function labMarkdownBlocks(): LabBlock[] | null {
  if (!existsSync(LAB_MARKDOWN_PATH)) return null;
  const blocks: LabBlock[] = [];
  let activity: string | null = null;
  let code: string[] | null = null;
  for (const line of readFileSync(LAB_MARKDOWN_PATH, 'utf8').split('\n')) {
    if (code === null) {
      const heading = /^#{2,3} (.+)$/.exec(line);
      if (heading) activity = /^Activity \d+:/.test(heading[1] ?? '') ? (heading[1] ?? null) : null;
      else if (line.startsWith('```') && activity) code = [];
    } else if (line.startsWith('```')) {
      blocks.push({ activity: activity ?? '', code: code.join('\n').trim() });
      code = null;
    } else {
      code.push(line);
    }
  }
  return blocks;
}
