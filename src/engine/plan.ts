// A grade's "what to do next": one plan for the whole grade rather than a fix per check, because one mistake
// often fails several checks, and several fixes end with the same command (which must run once, last).
import type { CheckResult, NextSteps, PlanCause } from './types.js';

/** The failing checks that explain `check`'s failure, each reduced to its own root cause. */
function rootsOf(check: CheckResult, byId: ReadonlyMap<string, CheckResult>): string[] {
  const roots = check.explainedBy.flatMap((id) => {
    const other = byId.get(id);
    if (!other || other.status === 'PASS') return [];
    const root = byId.get(other.blockedBy ?? other.id);
    return root && root.status === 'FAIL' && root.id !== check.id ? [root.id] : [];
  });
  return [...new Set(roots)];
}

/**
 * Root causes in catalogue order (the lab's order: a thing is made before what uses it), each with the checks it
 * explains; then their commands in that order, each once, with the shared afterAll commands last.
 */
export function planNextSteps(checks: readonly CheckResult[]): NextSteps {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const causeIds = new Map<string, string[]>();
  const symptoms: { id: string; root: string }[] = [];
  for (const check of checks) {
    if (check.status !== 'FAIL') continue;
    const [root] = rootsOf(check, byId);
    if (root === undefined) causeIds.set(check.id, []);
    else symptoms.push({ id: check.id, root });
  }
  for (const check of checks) {
    if (check.status === 'BLOCKED' && check.blockedBy !== null) symptoms.push({ id: check.id, root: check.blockedBy });
  }
  for (const symptom of symptoms) {
    // A symptom's root is a cause unless it is a symptom itself; follow the chain to the cause.
    let root = symptom.root;
    for (let hops = 0; !causeIds.has(root) && hops < checks.length; hops += 1) {
      root = symptoms.find((other) => other.id === root)?.root ?? root;
    }
    const explains = causeIds.get(root);
    if (explains) explains.push(symptom.id);
    // FAILs that explain each other: the first one met is the cause, so that the plan still fixes them.
    else if (byId.get(symptom.id)?.status === 'FAIL') causeIds.set(symptom.id, []);
  }

  const causes: PlanCause[] = [];
  const steps = new Map<string, string[]>();
  const finals = new Map<string, string[]>();
  const needs = new Set<string>();
  const add = (list: Map<string, string[]>, command: string, checkId: string): void => {
    const checkIds = list.get(command) ?? [];
    if (!checkIds.includes(checkId)) checkIds.push(checkId);
    list.set(command, checkIds);
  };
  const inLabOrder = [...checks].sort((a, b) => a.step - b.step);
  for (const check of inLabOrder) {
    const explains = causeIds.get(check.id);
    if (explains === undefined) continue;
    const fix = check.remediation;
    causes.push({ checkId: check.id, title: check.title, message: check.message, fix: fix?.text ?? '', explains });
    if (!fix) continue;
    for (const command of fix.commands) if (command !== fix.afterAll) add(steps, command, check.id);
    if (fix.afterAll !== null) add(finals, fix.afterAll, check.id);
    for (const file of fix.needs) needs.add(file);
  }
  // A command that is one fix's afterAll and another's ordinary step runs once, at the end.
  for (const [command, checkIds] of steps) {
    const final = finals.get(command);
    if (final) final.unshift(...checkIds.filter((id) => !final.includes(id)));
  }
  const entries = (list: Map<string, string[]>) => [...list].map(([command, checkIds]) => ({ command, checkIds }));
  return {
    causes,
    commands: [...entries(steps).filter((entry) => !finals.has(entry.command)), ...entries(finals)],
    needs: [...needs],
    unchecked: checks.filter((check) => check.status === 'ERROR').map((check) => check.id),
  };
}
