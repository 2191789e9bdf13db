// Runs the catalogue over one snapshot: dependency order, BLOCKED with its root cause, messages, fixes, score.
import type { LabSpec } from '../lab/types.js';
import type { Snapshot } from '../snapshot/types.js';
import { sanitizeMessage } from '../observation/sanitize.js';
import { remediationIds } from './remediation-ids.js';
import { stepTitle } from './steps.js';
import { renderTemplate, shellWord, type TemplateValues } from './template.js';
import type { Check, CheckResult, CheckStatus, Evaluation, GradeResult, StepSummary } from './types.js';
import { GRADER_VERSION } from '../version.js';

export interface GradeOptions {
  source: GradeResult['source'];
  now?: Date;
}

/** Orders checks so that each comes after what it depends on; a cycle or an unknown id is a catalogue bug. */
export function dependencyOrder(checks: Check[]): Check[] {
  const byId = new Map(checks.map((check) => [check.meta.id, check]));
  const ordered: Check[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (check: Check, path: string[]): void => {
    const mark = state.get(check.meta.id);
    if (mark === 'done') return;
    if (mark === 'visiting') throw new Error(`check dependency cycle: ${[...path, check.meta.id].join(' -> ')}`);
    state.set(check.meta.id, 'visiting');
    for (const id of check.meta.dependsOn) {
      const dependency = byId.get(id);
      if (!dependency) throw new Error(`check ${check.meta.id} depends on unknown check ${id}`);
      visit(dependency, [...path, check.meta.id]);
    }
    state.set(check.meta.id, 'done');
    ordered.push(check);
  };
  for (const check of checks) visit(check, []);
  return ordered;
}

function safeEvaluate(check: Check, snapshot: Snapshot, lab: LabSpec): Evaluation {
  try {
    return check.evaluate(snapshot, lab);
  } catch (error) {
    // A snapshot the check did not expect is the grader's problem, never the learner's.
    return {
      status: 'ERROR',
      messageId: 'internalError',
      data: { reason: sanitizeMessage(error instanceof Error ? error.message : String(error)) },
    };
  }
}

const INTERNAL_MESSAGES: Record<string, string> = {
  internalError: 'The grader could not evaluate this check ({{reason}}). This is a grader problem, not yours.',
};

export function gradeSnapshot(snapshot: Snapshot, lab: LabSpec, checks: Check[], options: GradeOptions): GradeResult {
  const ids = remediationIds(snapshot, lab);
  const labValues = { names: lab.names, expected: lab.expected } as unknown as TemplateValues;
  const results = new Map<string, CheckResult>();

  for (const check of dependencyOrder(checks)) {
    const { meta } = check;
    const maxPoints = lab.points[meta.id] ?? 0;
    const base = { id: meta.id, step: meta.step, title: meta.title, kind: meta.kind, severity: meta.severity, maxPoints, docs: meta.docs };
    const unmet = meta.dependsOn.map((id) => results.get(id) as CheckResult).find((result) => result.status !== 'PASS');
    if (unmet) {
      const rootId = unmet.blockedBy ?? unmet.id;
      const root = results.get(rootId) as CheckResult;
      results.set(meta.id, {
        ...base,
        status: 'BLOCKED',
        points: 0,
        messageId: 'blocked',
        message: `Not evaluated: it needs "${root.title}" (${rootId}), which ${root.status === 'ERROR' ? 'the grader could not check' : 'did not pass'}. Fix that first.`,
        blockedBy: rootId,
        remediation: null,
        evidence: null,
      });
      continue;
    }
    const evaluation = safeEvaluate(check, snapshot, lab);
    const values: TemplateValues = { ...ids, ...labValues, ...(evaluation.data ?? {}) };
    const template = meta.messages[evaluation.messageId] ?? INTERNAL_MESSAGES[evaluation.messageId] ?? evaluation.messageId;
    const specific = meta.remediation.byMessage?.[evaluation.messageId];
    const fix = evaluation.status === 'FAIL' ? { ...meta.remediation, ...specific } : specific;
    results.set(meta.id, {
      ...base,
      status: evaluation.status,
      points: evaluation.status === 'PASS' ? maxPoints : 0,
      messageId: evaluation.messageId,
      message: renderTemplate(template, values),
      blockedBy: null,
      remediation: fix
        ? {
            text: renderTemplate(fix.text, values),
            cli: fix.cli ? renderTemplate(fix.cli, values, shellWord) : null,
          }
        : null,
      evidence: evaluation.evidence ?? null,
    });
  }

  const ordered = checks.map((check) => results.get(check.meta.id) as CheckResult);
  const counts: Record<CheckStatus, number> = { PASS: 0, FAIL: 0, BLOCKED: 0, ERROR: 0 };
  for (const result of ordered) counts[result.status] += 1;

  const steps: StepSummary[] = [];
  for (const result of ordered) {
    let step = steps.find((candidate) => candidate.step === result.step);
    if (!step) {
      step = { step: result.step, title: stepTitle(result.step), points: 0, maxPoints: 0, checkIds: [] };
      steps.push(step);
    }
    step.points += result.points;
    step.maxPoints += result.maxPoints;
    step.checkIds.push(result.id);
  }
  steps.sort((a, b) => a.step - b.step);

  return {
    schemaVersion: 1,
    tool: { name: 'lab-grader', version: GRADER_VERSION },
    lab: { id: lab.id, title: lab.title, version: lab.version },
    target: {
      region: snapshot.target.region,
      endpoint: snapshot.target.endpoint,
      accountId: snapshot.identity.state === 'found' ? snapshot.identity.value.account : null,
    },
    source: options.source,
    gradedAt: (options.now ?? new Date()).toISOString(),
    snapshotTakenAt: snapshot.takenAt,
    score: ordered.reduce((sum, result) => sum + result.points, 0),
    maxScore: ordered.reduce((sum, result) => sum + result.maxPoints, 0),
    completeness: counts.ERROR > 0 ? 'incomplete' : 'complete',
    counts,
    steps,
    checks: ordered,
    notes: [...snapshot.notes],
  };
}

/** The design's exit codes: 0 all pass; 1 a check failed or is blocked; 3 the grader could not see everything. */
export function exitCodeFor(result: GradeResult): 0 | 1 | 3 {
  if (result.counts.ERROR > 0) return 3;
  if (result.counts.FAIL > 0 || result.counts.BLOCKED > 0) return 1;
  return 0;
}
