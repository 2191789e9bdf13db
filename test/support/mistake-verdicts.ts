// The tests' oracle for reference-solution/mistakes.ts: what grading each mistaken account must give.
//
// A mistake names only the checks that do not PASS, in the fixtures' notation ("FAIL <messageId>",
// "ERROR <messageId>", "BLOCKED"); every other check of the catalogue must PASS, so a new check that passes
// for a mistake needs no edit here. A mistake whose story a fixture tells takes the fixture's expectations,
// so the live matrix proves the fixture right. Probe checks (kind "probe") need the live probes: sign-in, and
// for the HTTP ones the sandbox's API data plane and Lambda runner. `unsettled` names checks whose result
// depends on data plane behaviour AWS-FACTS.md does not pin down: nothing is asserted about them.
import { catalogue } from '../../checks/index.js';
import { SCENARIOS, type ExpectedResult } from '../../fixtures/scenarios.js';
import type { MistakeName } from '../../reference-solution/mistakes.js';
import type { Check, CheckResult } from '../../src/engine/types.js';

type NotPass = Exclude<ExpectedResult, `PASS ${string}`>;

type VerdictDefinition = ({ fixture: string } | { expect: Record<string, NotPass> }) & { unsettled?: string[] };

export interface MistakeVerdicts {
  /** The checks that do not simply PASS; every other check must PASS. */
  expect: Readonly<Record<string, ExpectedResult>>;
  /** Checks whose result depends on unconfirmed data plane behaviour: assert nothing about them. */
  unsettled: readonly string[];
}

/** API Gateway cannot invoke the function: the calls that pass the authorizer answer 500. */
const INVOKE_DENIED: Record<string, NotPass> = { 'probe-authorized-200': 'FAIL invokeDenied', 'probe-response-body': 'BLOCKED' };

/** The function fails: the calls that pass the authorizer answer 502. */
const HANDLER_FAILED: Record<string, NotPass> = { 'probe-authorized-200': 'FAIL handlerFailed', 'probe-response-body': 'BLOCKED' };

const DEFINITIONS: Record<MistakeName, VerdictDefinition> = {
  'no-user-pool': { fixture: 'no-user-pool' },
  'function-deleted': { fixture: 'no-function' },
  'lab-not-started': { fixture: 'nothing-done' },
  'client-without-password-auth': { fixture: 'client-without-password-auth' },
  'client-with-secret': { fixture: 'client-with-secret' },
  'user-force-change-password': { fixture: 'user-force-change-password' },
  'password-changed': { fixture: 'password-changed' },
  'role-without-basic-policy': { expect: { 'execution-role-basic-policy': 'FAIL notAttached' } },
  'role-trusts-ec2': {
    expect: { 'execution-role-trust': 'FAIL notTrusted' },
    // AWS fails invocations once Lambda can no longer assume the role (after its cached credentials expire).
    unsettled: ['probe-authorized-200', 'probe-response-body'],
  },
  'wrong-handler': { expect: { 'function-handler': 'FAIL wrongHandler', ...HANDLER_FAILED } },
  'runtime-nodejs': { fixture: 'runtime-nodejs' },
  'authorizer-token-type': {
    expect: { 'cognito-authorizer': 'FAIL wrongType', 'hello-get-authorized': 'BLOCKED', 'prod-deployment-current': 'BLOCKED' },
    // What a TOKEN authorizer whose function returns no IAM policy answers is not in AWS-FACTS.md.
    unsettled: ['probe-unauthenticated-401', 'probe-forged-token-401', 'probe-authorized-200', 'probe-response-body', 'probe-access-token-rejected'],
  },
  'authorizer-other-pool': { fixture: 'authorizer-other-pool' },
  'hello-get-none': { fixture: 'hello-get-none' },
  'hello-any-method': { fixture: 'hello-any-method' },
  'integration-not-proxy': {
    expect: { 'hello-get-integration': 'FAIL wrongType' },
    // A non-proxy Lambda integration without integration responses: AWS's answer is not in AWS-FACTS.md.
    unsettled: ['probe-authorized-200', 'probe-response-body'],
  },
  'integration-other-function': { fixture: 'integration-other-function' },
  'no-lambda-permission': { expect: { 'lambda-invoke-permission': 'FAIL noPolicy', ...INVOKE_DENIED } },
  'permission-other-api': { fixture: 'permission-other-api' },
  'permission-wrong-principal': { fixture: 'permission-wrong-principal' },
  'no-deployment': { fixture: 'no-deployment' },
  'no-prod-stage': { fixture: 'no-prod-stage' },
  'stale-deployment': { fixture: 'stale-deployment' },
  'extra-open-method-deployed': { fixture: 'extra-open-method-deployed' },
  'authorizer-changed-not-redeployed': { fixture: 'authorizer-changed-not-redeployed' },
  'method-scopes': { fixture: 'method-scopes' },
  'handler-other-message': { expect: { 'probe-response-body': 'FAIL differs' } },
  'handler-raises': { expect: HANDLER_FAILED },
  'duplicate-pools': { fixture: 'duplicate-pools' },
};

const CHECK_IDS = new Set(catalogue.map((check) => check.meta.id));

function resolve(name: string, definition: VerdictDefinition): MistakeVerdicts {
  let expect: Record<string, ExpectedResult>;
  if ('fixture' in definition) {
    const scenario = SCENARIOS.find((candidate) => candidate.name === definition.fixture);
    if (!scenario) throw new Error(`mistake ${name}: there is no fixture named ${definition.fixture}`);
    expect = scenario.expect;
  } else {
    expect = definition.expect;
  }
  const unsettled = definition.unsettled ?? [];
  const unknown = [...Object.keys(expect), ...unsettled].filter((checkId) => !CHECK_IDS.has(checkId));
  if (unknown.length > 0) throw new Error(`mistake ${name}: no check in the catalogue is named ${unknown.join(', ')}`);
  return { expect, unsettled };
}

export const MISTAKE_VERDICTS: Readonly<Record<MistakeName, MistakeVerdicts>> = Object.fromEntries(
  Object.entries(DEFINITIONS).map(([name, definition]) => [name, resolve(name, definition)]),
) as Record<MistakeName, MistakeVerdicts>;

/** The checks the mistake must FAIL. */
export function failingChecks(name: MistakeName): string[] {
  return Object.entries(MISTAKE_VERDICTS[name].expect)
    .filter(([, expected]) => expected.startsWith('FAIL '))
    .map(([checkId]) => checkId);
}

/** "FAIL <messageId>", "PASS <messageId>", "ERROR <messageId>" or "BLOCKED": the fixtures' notation of a result. */
export function notation(check: Pick<CheckResult, 'status' | 'messageId'>): string {
  return check.status === 'BLOCKED' ? 'BLOCKED' : `${check.status} ${check.messageId}`;
}

/**
 * What grading gave the mistake's settled checks among `checks`, beside what the oracle wants, for one deepEqual.
 * A check the mistake names is compared in full notation; any other by status alone, PASS (a PASS may say which
 * of several it chose).
 */
export function gradedAgainstVerdicts(
  name: MistakeName,
  graded: readonly CheckResult[],
  checks: readonly Check[] = catalogue,
): { got: Record<string, string>; wanted: Record<string, string> } {
  const { expect, unsettled } = MISTAKE_VERDICTS[name];
  const settled = checks.map(({ meta }) => meta.id).filter((checkId) => !unsettled.includes(checkId));
  const byId = new Map(graded.map((check) => [check.id, check]));
  const got = (checkId: string): string => {
    const check = byId.get(checkId);
    if (!check) return 'not graded';
    return checkId in expect ? notation(check) : check.status;
  };
  return {
    got: Object.fromEntries(settled.map((checkId) => [checkId, got(checkId)])),
    wanted: Object.fromEntries(settled.map((checkId) => [checkId, expect[checkId] ?? 'PASS'])),
  };
}
