// The check model (after ESLint rules and Prowler checks: declarative metadata, a pure evaluate, messages by id)
// and the result model every report writer reads.
import type { LabSpec } from '../lab/types.js';
import type { Snapshot } from '../snapshot/types.js';

export type CheckStatus = 'PASS' | 'FAIL' | 'BLOCKED' | 'ERROR';
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Values a message or remediation template may interpolate: `{{name}}`. */
export type TemplateData = Record<string, string | number | boolean | null>;

export interface Remediation {
  /** What to do, in a sentence. May use `{{...}}` placeholders from the evaluation's data and the learner's IDs. */
  text: string;
  /**
   * The commands that make the fix, in order, each runnable as printed in bash and zsh, with `{{...}}`
   * placeholders. Placeholders for the learner's IDs (the lab's remediationIds) are filled from the snapshot; an
   * ID the grader could not see is left as the lab's shell variable ($API_ID, $USER_POOL_ID, ...).
   */
  commands?: string[];
  /**
   * A command that must run once after every fix that names it (e.g. publishing the changed configuration):
   * a grade's plan prints it once, at the end.
   */
  afterAll?: string;
  /** Files in the learner's working folder that the commands read (e.g. the function's zip). */
  needs?: string[];
}

export interface CheckMeta {
  /** kebab-case, equal to the file name. */
  id: string;
  /** The lab activity (LAB.md "Activity N") the check belongs to. */
  step: number;
  title: string;
  /** Checks that must PASS before this one is evaluated; otherwise this one is BLOCKED. */
  dependsOn: string[];
  severity: Severity;
  /** inspect: reads configuration. probe: reads the live probes' observations. */
  kind: 'inspect' | 'probe';
  /** messageId -> template. Every messageId evaluate returns must be here. */
  messages: Record<string, string>;
  /** The default fix, and fixes specific to a messageId (each replaces the default whole). */
  remediation: Remediation & { byMessage?: Record<string, Remediation> };
  /**
   * Checks whose failure makes this one fail too: while one of them does not pass, this check's failure is a
   * symptom of that root cause, and the grade's plan folds it in there instead of fixing it twice.
   */
  explainedBy?: string[];
  /** AWS documentation URL. */
  docs: string;
  /** The actions (service:Action) whose data the check reads (for the least-privilege grading policy). */
  permissions: string[];
}

export interface Evaluation {
  /** BLOCKED is the engine's to decide, never a check's. */
  status: 'PASS' | 'FAIL' | 'ERROR';
  messageId: string;
  data?: TemplateData;
  /** Small, JSON-serialisable: the observed values the verdict rests on. */
  evidence?: unknown;
  /** Replaces the check's `meta.explainedBy` for this verdict (what explains a failure can depend on the data). */
  explainedBy?: string[];
}

export interface Check {
  meta: CheckMeta;
  evaluate(snapshot: Snapshot, lab: LabSpec): Evaluation;
}

export interface CheckResult {
  id: string;
  step: number;
  title: string;
  kind: 'inspect' | 'probe';
  severity: Severity;
  status: CheckStatus;
  /** Points earned: all of maxPoints on PASS, 0 otherwise. */
  points: number;
  maxPoints: number;
  /** For BLOCKED: "blocked". */
  messageId: string;
  /** One sentence with the observed value. */
  message: string;
  /** For BLOCKED: the root-cause check (the first failed or errored one up the chain). */
  blockedBy: string | null;
  /** Always for FAIL; for a PASS with a note (e.g. a deprecated runtime); null otherwise (a BLOCKED check's fix is its root cause's). */
  remediation: RemediationResult | null;
  /** For FAIL: the failing checks that explain this failure (see CheckMeta.explainedBy); empty when none does. */
  explainedBy: string[];
  docs: string;
  evidence: unknown;
}

export interface RemediationResult {
  text: string;
  /** The commands, filled in; the fix's afterAll command last, when it has one. */
  commands: string[];
  /** The fix's afterAll command, filled in (also the last of `commands`). */
  afterAll: string | null;
  needs: string[];
}

/** One root cause in a grade's plan, with the other checks its failure explains. */
export interface PlanCause {
  checkId: string;
  title: string;
  message: string;
  fix: string;
  /** Checks that fail or are blocked because of this one: fixed by its commands, not counted again. */
  explains: string[];
}

/** What to do next: the root causes in lab order, then every command once, in the order to run them. */
export interface NextSteps {
  causes: PlanCause[];
  commands: { command: string; checkIds: string[] }[];
  /** Files in the working folder the commands read. */
  needs: string[];
  /** ERROR checks: the plan cannot cover them; grade again once they can be read. */
  unchecked: string[];
}

export interface StepSummary {
  step: number;
  title: string;
  points: number;
  maxPoints: number;
  checkIds: string[];
}

export interface GradeResult {
  schemaVersion: 2;
  tool: { name: 'lab-grader'; version: string };
  lab: { id: string; title: string; version: string };
  target: { region: string; endpoint: string | null; accountId: string | null };
  /** live: collected from an account now; snapshot: graded from a saved snapshot. */
  source: 'live' | 'snapshot';
  gradedAt: string;
  snapshotTakenAt: string;
  score: number;
  maxScore: number;
  /** complete: every check could be evaluated; incomplete: some check is ERROR (the score may be too low). */
  completeness: 'complete' | 'incomplete';
  counts: Record<CheckStatus, number>;
  steps: StepSummary[];
  checks: CheckResult[];
  /** Empty causes and commands when every check passes. */
  plan: NextSteps;
  notes: string[];
}
