// A RuleTester for checks (after ESLint's): each case runs evaluate and asserts status and messageId; every
// messageId returned must exist in meta.messages with its placeholders filled by the evaluation's data (or the
// lab spec), every fix's placeholders must be fillable, and every message must be exercised by some case.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { fixCommands, fixFor } from '../../src/engine/remediation.js';
import { placeholders } from '../../src/engine/template.js';
import type { Check, Evaluation } from '../../src/engine/types.js';
import { REMEDIATION_IDS } from '../../checks/lab/remediation-ids.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { lab as defaultLab } from './snapshots.js';

export interface ValidCase {
  name: string;
  snapshot: Snapshot;
  messageId?: string;
  lab?: LabSpec;
}

export interface InvalidCase {
  name: string;
  snapshot: Snapshot;
  /** FAIL unless said otherwise. */
  status?: 'FAIL' | 'ERROR';
  messageId: string;
  lab?: LabSpec;
}

/** `names.function`, `expected.handler`: placeholders the engine fills from the lab spec. */
function fromLab(path: string, lab: LabSpec): boolean {
  const [root, key] = path.split('.');
  if ((root !== 'names' && root !== 'expected') || key === undefined) return false;
  const value = (lab[root] as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number';
}

function assertFilled(template: string, what: string, filled: (name: string) => boolean): void {
  const missing = placeholders(template).filter((name) => !filled(name));
  assert.deepEqual(missing, [], `${what} uses placeholders nothing provides: ${missing.join(', ')}`);
}

function assertWellFormed(check: Check, evaluation: Evaluation, lab: LabSpec): void {
  const { messages, remediation } = check.meta;
  const template = messages[evaluation.messageId];
  assert.ok(template !== undefined, `messageId "${evaluation.messageId}" is not in meta.messages`);
  const data = evaluation.data ?? {};
  const inData = (name: string) => data[name] !== undefined && data[name] !== null;
  assertFilled(template, `message "${evaluation.messageId}"`, (name) => inData(name) || fromLab(name, lab));
  const fix = fixFor(remediation, evaluation);
  if (!fix) return;
  const fillable = (name: string) => inData(name) || fromLab(name, lab) || name in REMEDIATION_IDS;
  assertFilled(fix.text, `the fix for "${evaluation.messageId}"`, fillable);
  for (const command of fixCommands(fix)) assertFilled(command, `the fix command for "${evaluation.messageId}"`, fillable);
}

export function checkTester(check: Check, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(check.meta.id, () => {
    const exercised = new Set<string>();
    const run = (snapshot: Snapshot, lab: LabSpec): Evaluation => {
      const evaluation = check.evaluate(snapshot, lab);
      exercised.add(evaluation.messageId);
      assertWellFormed(check, evaluation, lab);
      return evaluation;
    };

    for (const valid of cases.valid) {
      test(`valid: ${valid.name}`, () => {
        const evaluation = run(valid.snapshot, valid.lab ?? defaultLab);
        assert.equal(evaluation.status, 'PASS', `expected PASS, got ${evaluation.status} ${evaluation.messageId}`);
        if (valid.messageId) assert.equal(evaluation.messageId, valid.messageId);
      });
    }
    for (const invalid of cases.invalid) {
      test(`invalid: ${invalid.name}`, () => {
        const evaluation = run(invalid.snapshot, invalid.lab ?? defaultLab);
        assert.deepEqual(
          { status: evaluation.status, messageId: evaluation.messageId },
          { status: invalid.status ?? 'FAIL', messageId: invalid.messageId },
        );
      });
    }

    test('its remediation has fixes only for its own messages', () => {
      const unknown = Object.keys(check.meta.remediation.byMessage ?? {}).filter((id) => !(id in check.meta.messages));
      assert.deepEqual(unknown, []);
    });

    after(() => {
      const unexercised = Object.keys(check.meta.messages).filter((id) => !exercised.has(id));
      assert.deepEqual(unexercised, [], `${check.meta.id}: messages no case produces: ${unexercised.join(', ')}`);
    });
  });
}
