// A check's fix: which one a verdict gets, its commands in the order they run, and the fix filled in.
import { renderCommand, renderTemplate, type TemplateValues } from './template.js';
import type { CheckMeta, Evaluation, Remediation, RemediationResult } from './types.js';

/** A message's own fix, or else, on FAIL, the check's default one (a PASS or ERROR has only its message's own). */
export function fixFor(remediation: CheckMeta['remediation'], evaluation: Pick<Evaluation, 'status' | 'messageId'>): Remediation | undefined {
  return remediation.byMessage?.[evaluation.messageId] ?? (evaluation.status === 'FAIL' ? remediation : undefined);
}

/** A fix's command templates in the order they run: its commands, then its afterAll. */
export function fixCommands(fix: Remediation): string[] {
  return [...(fix.commands ?? []), ...(fix.afterAll === undefined ? [] : [fix.afterAll])];
}

/** The fix filled with the learner's IDs and the verdict's data. */
export function remediationResult(fix: Remediation, values: TemplateValues): RemediationResult {
  return {
    text: renderTemplate(fix.text, values),
    commands: fixCommands(fix).map((template) => renderCommand(template, values)),
    afterAll: fix.afterAll === undefined ? null : renderCommand(fix.afterAll, values),
    needs: fix.needs ?? [],
  };
}
