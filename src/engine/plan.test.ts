import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planNextSteps } from './plan.js';
import type { CheckResult, CheckStatus } from './types.js';

interface Spec {
  step?: number;
  explainedBy?: string[];
  blockedBy?: string;
  commands?: string[];
  afterAll?: string;
  needs?: string[];
}

/** A check result as the engine makes one: a FAIL has a fix (its afterAll last among its commands). */
function result(id: string, status: CheckStatus, spec: Spec = {}): CheckResult {
  const afterAll = spec.afterAll ?? null;
  const commands = [...(spec.commands ?? [`fix ${id}`]), ...(afterAll === null ? [] : [afterAll])];
  return {
    id,
    step: spec.step ?? 3,
    title: `Title ${id}`,
    kind: 'inspect',
    severity: 'high',
    status,
    points: status === 'PASS' ? 1 : 0,
    maxPoints: 1,
    messageId: status === 'BLOCKED' ? 'blocked' : 'm',
    message: `Message ${id}`,
    blockedBy: status === 'BLOCKED' ? (spec.blockedBy ?? null) : null,
    remediation: status === 'FAIL' ? { text: `Fix ${id}`, commands, afterAll, needs: spec.needs ?? [] } : null,
    explainedBy: status === 'FAIL' ? (spec.explainedBy ?? []) : [],
    docs: '',
    evidence: null,
  };
}

const pass = (id: string): CheckResult => result(id, 'PASS');
const fail = (id: string, spec?: Spec): CheckResult => result(id, 'FAIL', spec);
const blocked = (id: string, by: string): CheckResult => result(id, 'BLOCKED', { blockedBy: by });
const error = (id: string): CheckResult => result(id, 'ERROR');

interface Expected {
  /** [cause, the checks it explains] */
  causes: [string, string[]][];
  /** [command, the checks it fixes] */
  commands: [string, string[]][];
  needs?: string[];
  unchecked?: string[];
}

const REDEPLOY = 'create-deployment';

const CASES: [name: string, checks: CheckResult[], expected: Expected][] = [
  ['full marks: an empty plan', [pass('a'), pass('b')], { causes: [], commands: [] }],
  [
    'a FAIL another FAIL explains, and a check it blocks, fold into the root: one cause, its commands only',
    [fail('method'), blocked('deployed', 'method'), fail('probe', { explainedBy: ['method'] })],
    { causes: [['method', ['probe', 'deployed']]], commands: [['fix method', ['method']]] },
  ],
  [
    'a chain of symptoms ends at its root, whichever check a symptom names',
    [fail('root'), fail('middle', { explainedBy: ['root'] }), fail('leaf', { explainedBy: ['middle'] }), blocked('after', 'middle')],
    { causes: [['root', ['middle', 'leaf', 'after']]], commands: [['fix root', ['root']]] },
  ],
  [
    'an explanation through a BLOCKED check reaches the FAIL that blocked it',
    [fail('pool'), blocked('token', 'pool'), fail('probe', { explainedBy: ['token'] })],
    { causes: [['pool', ['probe', 'token']]], commands: [['fix pool', ['pool']]] },
  ],
  [
    'an explanation by a check that passed does not fold: the failure is a cause of its own',
    [pass('method'), fail('probe', { explainedBy: ['method'] })],
    { causes: [['probe', []]], commands: [['fix probe', ['probe']]] },
  ],
  [
    'explanations that explain each other still leave one cause, the first in the catalogue',
    [fail('a', { explainedBy: ['b'] }), fail('b', { explainedBy: ['a'] })],
    { causes: [['a', ['b']]], commands: [['fix a', ['a']]] },
  ],
  [
    'the same command from two causes runs once, for both',
    [fail('a', { commands: ['shared', 'only a'] }), fail('b', { commands: ['shared'] })],
    { causes: [['a', []], ['b', []]], commands: [['shared', ['a', 'b']], ['only a', ['a']]] },
  ],
  [
    'an afterAll runs once, last, for every cause that names it',
    [fail('a', { afterAll: REDEPLOY }), fail('b'), fail('c', { afterAll: REDEPLOY })],
    { causes: [['a', []], ['b', []], ['c', []]], commands: [['fix a', ['a']], ['fix b', ['b']], ['fix c', ['c']], [REDEPLOY, ['a', 'c']]] },
  ],
  [
    "a command that is one fix's step and another's afterAll runs once, at the end",
    [fail('stage', { commands: [REDEPLOY] }), fail('method', { afterAll: REDEPLOY })],
    { causes: [['stage', []], ['method', []]], commands: [['fix method', ['method']], [REDEPLOY, ['stage', 'method']]] },
  ],
  [
    'causes and their commands follow the lab, not the catalogue, order (stable within an activity)',
    [fail('late', { step: 9 }), fail('early', { step: 4 }), fail('early-too', { step: 4 })],
    { causes: [['early', []], ['early-too', []], ['late', []]], commands: [['fix early', ['early']], ['fix early-too', ['early-too']], ['fix late', ['late']]] },
  ],
  [
    'what the commands need, once each',
    [fail('code', { needs: ['function.zip'] }), fail('user', { needs: ['PASSWORD', 'function.zip'] })],
    { causes: [['code', []], ['user', []]], commands: [['fix code', ['code']], ['fix user', ['user']]], needs: ['function.zip', 'PASSWORD'] },
  ],
  [
    'an ERROR is unchecked, not a cause, and what it blocks is in no cause',
    [error('policy'), blocked('probe', 'policy'), fail('method')],
    { causes: [['method', []]], commands: [['fix method', ['method']]], unchecked: ['policy'] },
  ],
  ['only ERRORs: no cause, no command, all unchecked', [error('a'), pass('b'), error('c')], { causes: [], commands: [], unchecked: ['a', 'c'] }],
];

for (const [name, checks, expected] of CASES) {
  test(`plan: ${name}`, () => {
    const plan = planNextSteps(checks);
    assert.deepEqual(
      plan.causes.map((cause) => [cause.checkId, cause.explains]),
      expected.causes,
    );
    assert.deepEqual(
      plan.commands.map((entry) => [entry.command, entry.checkIds]),
      expected.commands,
    );
    assert.deepEqual(plan.needs, expected.needs ?? []);
    assert.deepEqual(plan.unchecked, expected.unchecked ?? []);
  });
}

test('plan: a cause carries its title, message and fix sentence', () => {
  const [cause] = planNextSteps([fail('method')]).causes;
  assert.deepEqual(cause, { checkId: 'method', title: 'Title method', message: 'Message method', fix: 'Fix method', explains: [] });
});
