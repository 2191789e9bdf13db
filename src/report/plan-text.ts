// The words of a grade's plan ("Next steps"), shared by every report that prints it, and the plan as plain lines
// for the reports that neither wrap nor colour (Gradescope's output, JUnit's system-out).
import type { NextSteps, PlanCause } from '../engine/types.js';
import { sanitizeBlock, sanitizeLine } from './sanitize.js';

export const NEXT_STEPS_TITLE = 'Next steps';
export const NEEDS_HEADING = 'Before you run them:';

/** True when the plan has something to say: a cause to fix, or checks it could not cover. */
export const hasNextSteps = (plan: NextSteps): boolean => plan.causes.length > 0 || plan.unchecked.length > 0;

/** The cause whose fix covers a failing check in the plan: the check itself, or the cause that explains it. */
export function causeOf(plan: NextSteps, checkId: string): string | undefined {
  return plan.causes.find((cause) => cause.checkId === checkId || cause.explains.includes(checkId))?.checkId;
}

/** "Cause:", or "Cause 2 of 3:" when there are several; the cause's title and id follow it. */
export const causeLabel = (index: number, count: number): string => (count > 1 ? `Cause ${index + 1} of ${count}:` : 'Cause:');
export const causeName = (cause: PlanCause): string => `${cause.title} (${cause.checkId})`;

export const alsoExplains = (cause: PlanCause): string => `Also explains: ${cause.explains.join(', ')}`;

export function commandsHeading(count: number): string {
  return count === 1 ? 'Run this command:' : `Run these ${count} commands, in this order:`;
}

/** The line above a command: its number and the checks it fixes (the command itself stays alone on its line). */
export const commandLabel = (index: number, checkIds: readonly string[]): string => `${index + 1}. for ${checkIds.join(', ')}`;

export function uncheckedSentence(checkIds: readonly string[]): string {
  const need = checkIds.length > 1 ? 'they need' : 'it needs';
  return `Not covered: the grader could not read ${checkIds.join(', ')}; grade again once it can, to see whether ${need} a fix too.`;
}

/** The plan as plain text lines, account-derived text sanitized, commands whole; empty when there is nothing to do. */
export function planLines(plan: NextSteps): string[] {
  if (!hasNextSteps(plan)) return [];
  const lines = [NEXT_STEPS_TITLE];
  plan.causes.forEach((cause, index) => {
    lines.push(`${causeLabel(index, plan.causes.length)} ${sanitizeLine(causeName(cause))}`, `  ${sanitizeLine(cause.message)}`);
    if (cause.fix) lines.push(`  Fix: ${sanitizeLine(cause.fix)}`);
    if (cause.explains.length > 0) lines.push(`  ${sanitizeLine(alsoExplains(cause))}`);
  });
  if (plan.commands.length > 0) {
    lines.push('', commandsHeading(plan.commands.length));
    plan.commands.forEach(({ command, checkIds }, index) => {
      lines.push(sanitizeLine(commandLabel(index, checkIds)), ...sanitizeBlock(command).split('\n'));
    });
  }
  if (plan.needs.length > 0) lines.push('', NEEDS_HEADING, ...plan.needs.map((need) => `- ${sanitizeLine(need)}`));
  if (plan.unchecked.length > 0) lines.push(...(plan.causes.length > 0 ? [''] : []), sanitizeLine(uncheckedSentence(plan.unchecked)));
  return lines;
}
