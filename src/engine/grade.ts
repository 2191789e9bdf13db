// Runs the catalogue over one snapshot: dependency order, BLOCKED with its root cause, messages, fixes, score.
import type { LabSpec } from '../lab/types.js';
import type { Snapshot } from '../snapshot/types.js';
import { sanitizeMessage } from '../observation/sanitize.js';
import type { GradingLab } from './lab.js';
import { BLOCKED_MESSAGE_ID, blockedMessage, INTERNAL_ERROR_MESSAGE_ID, INTERNAL_ERROR_MESSAGE } from './messages.js';
import { stepTitle } from './steps.js';
import { fixFor, remediationResult } from './remediation.js';
import { renderTemplate, type TemplateValues } from './template.js';
import { planNextSteps } from './plan.js';
import type { Check, CheckResult, CheckStatus, Evaluation, GradeResult, StepSummary } from './types.js';
import { GRADER_VERSION } from '../version.js';

export interface GradeOptions {
  source: GradeResult['source'];
  now?: Date;
}

/** Orders checks so that each comes after what it depends on; a cycle or an unknown id is a catalogue bug. */
export function dependencyOrder(checks: readonly Check[]): Check[] {
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

function safeEvaluate(check: Check, snapshot: Snapshot, spec: LabSpec): Evaluation {
  try {
    return check.evaluate(snapshot, spec);
  } catch (error) {
    // A snapshot the check did not expect is the grader's problem, never the learner's.
    return {
      status: 'ERROR',
      messageId: INTERNAL_ERROR_MESSAGE_ID,
      data: { reason: sanitizeMessage(error instanceof Error ? error.message : String(error)) },
    };
  }
}

const INTERNAL_MESSAGES: Record<string, string> = { [INTERNAL_ERROR_MESSAGE_ID]: INTERNAL_ERROR_MESSAGE };

/** Grades `snapshot` with the lab's checks, priced and named by `spec` (the lab's own spec or an instructor's). */
export function gradeSnapshot(snapshot: Snapshot, spec: LabSpec, lab: GradingLab, options: GradeOptions): GradeResult {
  const checks = lab.catalogue;
  const ids = lab.remediationIds(snapshot, spec);
  const labValues = { names: spec.names, expected: spec.expected } as unknown as TemplateValues;
  const results = new Map<string, CheckResult>();

  for (const check of dependencyOrder(checks)) {
    const { meta } = check;
    const maxPoints = spec.points[meta.id] ?? 0;
    const base = { id: meta.id, step: meta.step, title: meta.title, kind: meta.kind, severity: meta.severity, maxPoints, docs: meta.docs };
    const unmet = meta.dependsOn.map((id) => results.get(id) as CheckResult).find((result) => result.status !== 'PASS');
    if (unmet) {
      const rootId = unmet.blockedBy ?? unmet.id;
      const root = results.get(rootId) as CheckResult;
      results.set(meta.id, {
        ...base,
        status: 'BLOCKED',
        points: 0,
        messageId: BLOCKED_MESSAGE_ID,
        message: blockedMessage(root),
        blockedBy: rootId,
        remediation: null,
        explainedBy: [],
        evidence: null,
      });
      continue;
    }
    const evaluation = safeEvaluate(check, snapshot, spec);
    const values: TemplateValues = { ...ids, ...labValues, ...(evaluation.data ?? {}) };
    const template = meta.messages[evaluation.messageId] ?? INTERNAL_MESSAGES[evaluation.messageId] ?? evaluation.messageId;
    const fix = fixFor(meta.remediation, evaluation);
    results.set(meta.id, {
      ...base,
      status: evaluation.status,
      points: evaluation.status === 'PASS' ? maxPoints : 0,
      messageId: evaluation.messageId,
      message: renderTemplate(template, values),
      blockedBy: null,
      remediation: fix ? remediationResult(fix, values) : null,
      explainedBy: evaluation.status === 'FAIL' ? (evaluation.explainedBy ?? meta.explainedBy ?? []) : [],
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
      step = { step: result.step, title: stepTitle(result.step, lab.stepTitles), points: 0, maxPoints: 0, checkIds: [] };
      steps.push(step);
    }
    step.points += result.points;
    step.maxPoints += result.maxPoints;
    step.checkIds.push(result.id);
  }
  steps.sort((a, b) => a.step - b.step);

  return {
    schemaVersion: 2,
    tool: { name: 'lab-grader', version: GRADER_VERSION },
    lab: { id: spec.id, title: spec.title, version: spec.version },
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
    plan: planNextSteps(ordered),
    notes: [...snapshot.notes],
  };
}
