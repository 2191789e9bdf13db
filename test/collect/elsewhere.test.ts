// A lab resource missing under the lab's name in the graded region: the live grade looks, read-only, for names
// one edit away and for the lab's name in other regions, and the *-exists checks name what it found. Against the
// sandbox, which keeps each region's resources apart, with the reference solution built the wrong way.
import { UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { labBundle, loadLabSpec } from '../../checks/index.js';
import { withReferenceClients } from '../../reference-solution/clients.js';
import type { ReferenceOutputs } from '../../reference-solution/config.js';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import type { LabSpec } from '../../src/lab/types.js';
import { takeSnapshot } from '../../src/pipeline/take-snapshot.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import type { NearMiss, Observed, Snapshot } from '../../src/snapshot/types.js';
import { gradingTargetFor } from '../../src/demo/index.js';
import { gradeAccount, summary } from '../matrix/support.js';
import { labSandbox, sandboxConfig } from '../reference-solution/helpers.js';
import { learnerCliMissing, planOf, runPlan } from '../matrix/learner-plan.js';

const WRONG_REGION_ACCOUNT = '420000000001';
/** The pool, function and role under near-miss names; the API under the lab's (it shows what uses them). */
const NEAR_MISS_ACCOUNT = '420000000002';
/** The API under a near-miss name; the function under the lab's (its permission shows what uses the API). */
const NEAR_MISS_API_ACCOUNT = '420000000003';
/** Only the pool under a near-miss name: the rest of the lab is built on it. */
const NEAR_MISS_POOL_ACCOUNT = '420000000004';
/** Only the function under a near-miss name: GET /hello invokes it. */
const NEAR_MISS_FUNCTION_ACCOUNT = '420000000005';

/** The live grade of `account` in us-east-1, configuration only, by the lab's names. */
function collect(sandbox: RunningSandbox, account: string, lab: LabSpec): Promise<Snapshot> {
  const target = gradingTargetFor({ endpoint: sandbox.url, accountId: account, region: 'us-east-1' });
  return takeSnapshot(target, lab, labBundle, { probes: null });
}

function nearNames(observed: Observed<NearMiss[]> | undefined): unknown {
  return observed?.state === 'found' ? observed.value.map((nearMiss) => nearMiss.name) : observed;
}

function results(snapshot: Snapshot, lab: LabSpec): Record<string, string> {
  const checks = gradeSnapshot(snapshot, lab, labBundle, { source: 'live' }).checks;
  return Object.fromEntries(checks.map((check) => [check.id, `${check.status} ${check.messageId}`]));
}

describe('a lab resource missing under its name', () => {
  let sandbox: RunningSandbox;
  let lab: LabSpec;
  const outputs = new Map<string, ReferenceOutputs>();

  before(async () => {
    sandbox = await labSandbox();
    lab = await loadLabSpec();
    const nearNames = { ...lab.names, userPool: 'MyApiUserPool', function: 'HelloWorldFunctions', role: 'lambda-execution-role1' };
    await Promise.all([
      deployReferenceSolution({ ...sandboxConfig(sandbox, WRONG_REGION_ACCOUNT), region: 'us-west-2' }),
      deployReferenceSolution({ ...sandboxConfig(sandbox, NEAR_MISS_ACCOUNT), lab: { ...lab, names: nearNames } }),
      deployReferenceSolution({ ...sandboxConfig(sandbox, NEAR_MISS_API_ACCOUNT), lab: { ...lab, names: { ...lab.names, api: 'SecureApi' } } }),
      deployReferenceSolution({ ...sandboxConfig(sandbox, NEAR_MISS_POOL_ACCOUNT), lab: { ...lab, names: { ...lab.names, userPool: 'MyApiUserPool' } } }).then((built) =>
        outputs.set(NEAR_MISS_POOL_ACCOUNT, built),
      ),
      deployReferenceSolution({ ...sandboxConfig(sandbox, NEAR_MISS_FUNCTION_ACCOUNT), lab: { ...lab, names: { ...lab.names, function: 'HelloWorldFunctions' } } }).then(
        (built) => outputs.set(NEAR_MISS_FUNCTION_ACCOUNT, built),
      ),
    ]);
  });

  after(async () => {
    await sandbox?.stop();
  });

  test('built in another region: the pool, API and function are found there, and the checks say to grade there', async () => {
    const snapshot = await collect(sandbox, WRONG_REGION_ACCOUNT, lab);
    assert.deepEqual(
      [snapshot.cognito.poolInRegions, snapshot.apigateway.apiInRegions, snapshot.lambda.functionInRegions],
      [['us-west-2'], ['us-west-2'], ['us-west-2']],
    );
    const graded = results(snapshot, lab);
    assert.deepEqual(
      [graded['user-pool-exists'], graded['rest-api-exists'], graded['function-exists']],
      ['FAIL inOtherRegion', 'FAIL inOtherRegion', 'FAIL inOtherRegion'],
    );
    const message = gradeSnapshot(snapshot, lab, labBundle, { source: 'live' }).checks.find((check) => check.id === 'user-pool-exists')?.message;
    assert.equal(
      message,
      'There is no user pool named MyAPIUserPool in us-east-1: found in us-west-2; the lab uses us-east-1; grade with --region us-west-2 to check it there.',
    );
  });

  test('built under near-miss names: each is named, with what of the lab uses it', async () => {
    const snapshot = await collect(sandbox, NEAR_MISS_ACCOUNT, lab);
    assert.deepEqual(
      [nearNames(snapshot.cognito.poolNearMisses), nearNames(snapshot.lambda.functionNearMisses), nearNames(snapshot.iam.roleNearMisses)],
      [['MyApiUserPool'], ['HelloWorldFunctions'], ['lambda-execution-role1']],
    );
    assert.deepEqual([snapshot.cognito.poolInRegions, snapshot.lambda.functionInRegions], [[], []]);
    const graded = results(snapshot, lab);
    assert.deepEqual(
      [graded['user-pool-exists'], graded['function-exists'], graded['execution-role-exists'], graded['rest-api-exists']],
      ['FAIL nearMissInUse', 'FAIL nearMissInUse', 'FAIL nearMiss', 'PASS exists'],
    );
  });

  test("an API under a near-miss name: named, with the function's permission that names it; renaming it is the fix", async () => {
    const snapshot = await collect(sandbox, NEAR_MISS_API_ACCOUNT, lab);
    assert.deepEqual(nearNames(snapshot.apigateway.apiNearMisses), ['SecureApi']);
    const check = gradeSnapshot(snapshot, lab, labBundle, { source: 'live' }).checks.find((candidate) => candidate.id === 'rest-api-exists');
    const apiId = snapshot.apigateway.apiNearMisses?.state === 'found' ? snapshot.apigateway.apiNearMisses.value[0]?.id : undefined;
    assert.equal(check?.messageId, 'nearMissInUse');
    assert.equal(
      check?.message,
      `The REST API SecureApi (${apiId}) exists; the lab's name is SecureAPI, and your function's permission apigateway-invoke lets it invoke HelloWorldFunction.`,
    );
    assert.deepEqual(check?.remediation?.commands, [
      `aws apigateway update-rest-api --rest-api-id ${apiId} --patch-operations op=replace,path=/name,value=SecureAPI --region us-east-1`,
    ]);
    // The same patch through the SDK: the renamed API is the lab's, with everything the learner wired to it.
    await withReferenceClients(sandboxConfig(sandbox, NEAR_MISS_API_ACCOUNT), (clients) =>
      clients.apigateway.send(new UpdateRestApiCommand({ restApiId: apiId, patchOperations: [{ op: 'replace', path: '/name', value: 'SecureAPI' }] })),
    );
    const renamed = gradeSnapshot(await collect(sandbox, NEAR_MISS_API_ACCOUNT, lab), lab, labBundle, { source: 'live' }).checks;
    const inspectNotPassing = renamed.filter((result) => result.kind === 'inspect' && result.status !== 'PASS').map((result) => result.id);
    assert.deepEqual(inspectNotPassing, []);
  });

  /** Grades `account`, runs its plan as the learner does (test/matrix/learner-plan.ts: AWS CLI v2, verbatim), and grades again. */
  async function planReaches100(account: string, rootCause: string): Promise<void> {
    const before = await gradeAccount(sandbox, account, lab);
    assert.deepEqual(before.plan.causes.map((cause) => cause.checkId), [rootCause], summary(before));
    await runPlan(planOf(before).commands, { endpoint: sandbox.url, accountId: account, lab, outputs: outputs.get(account) as ReferenceOutputs });
    const after = await gradeAccount(sandbox, account, lab);
    assert.equal(after.score, after.maxScore, summary(after));
  }

  test('a pool under a near-miss name the authorizer uses: the plan, run with the AWS CLI as printed, reaches 100', { skip: learnerCliMissing() }, () =>
    planReaches100(NEAR_MISS_POOL_ACCOUNT, 'user-pool-exists'));

  test('a function under a near-miss name GET /hello invokes: the plan, run with the AWS CLI as printed, reaches 100', { skip: learnerCliMissing() }, () =>
    planReaches100(NEAR_MISS_FUNCTION_ACCOUNT, 'function-exists'));

  test('graded where it was built: found, so nothing else is looked for', async () => {
    const target = gradingTargetFor({ endpoint: sandbox.url, accountId: WRONG_REGION_ACCOUNT, region: 'us-west-2' });
    const snapshot = await takeSnapshot(target, lab, labBundle, { probes: null });
    assert.equal(results(snapshot, lab)['user-pool-exists'], 'PASS exists');
    const recorded = [
      ...Object.keys(snapshot.cognito).filter((key) => key === 'poolNearMisses' || key === 'poolInRegions'),
      ...Object.keys(snapshot.apigateway).filter((key) => key === 'apiNearMisses' || key === 'apiInRegions'),
      ...Object.keys(snapshot.lambda).filter((key) => key === 'functionNearMisses' || key === 'functionInRegions'),
      ...Object.keys(snapshot.iam).filter((key) => key === 'roleNearMisses'),
    ];
    assert.deepEqual(recorded, []);
  });
});
