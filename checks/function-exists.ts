import type { Check, Remediation } from '../src/engine/types.js';
import type { LabSpec } from '../src/lab/types.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { methodUnderTest } from './support/api.js';
import { shown } from './support/format.js';
import { invokedFunctionArn, sameFunction } from './support/integration.js';
import { IN_OTHER_REGION, missingBecause } from './support/missing.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { addInvokePermission, CREATE_FUNCTION, FUNCTION_ZIP, PUT_INTEGRATION, REDEPLOY_CLI } from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

/**
 * A function cannot be renamed: the lab's function is created as Activity 6 does, and GET /hello is moved to it
 * with Activity 9's integration and permission (a new function has no statement, so the lab's id is free).
 */
const REBUILD_FUNCTION: Remediation = {
  text:
    "A function cannot be renamed: create the lab's function (Activity 6), make {{names.httpMethod}} {{names.resourcePath}} invoke it " +
    'instead of {{nearName}} and let API Gateway invoke it (Activity 9), then deploy again.',
  commands: [CREATE_FUNCTION, PUT_INTEGRATION, addInvokePermission('{{names.permissionStatementId}}')],
  needs: [FUNCTION_ZIP],
  afterAll: REDEPLOY_CLI,
};

/** Whether the lab's method (GET /hello) integrates with the function `functionArn`. */
function integrationInvokes(snapshot: Snapshot, functionArn: string, lab: LabSpec): boolean {
  const resources = snapshot.apigateway.resources;
  if (resources.state !== 'found') return false;
  const invoked = invokedFunctionArn(methodUnderTest(resources.value, lab)?.integration?.uri ?? null);
  return invoked !== null && sameFunction(invoked, functionArn);
}

const check: Check = {
  meta: {
    id: 'function-exists',
    step: 6,
    title: 'The Lambda function exists and is Active',
    dependsOn: [],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      active: 'The function {{functionName}} exists and is {{state}}.',
      missing: 'There is no Lambda function named {{names.function}} in {{region}}.',
      missingForApi: 'There is no Lambda function named {{names.function}} in {{region}} for the API {{apiId}} to invoke.',
      nearMiss: "The function {{nearName}} exists; the lab's name is {{names.function}}.",
      nearMissInUse: "The function {{nearName}} exists; the lab's name is {{names.function}}, and your {{names.httpMethod}} {{names.resourcePath}} integration invokes it.",
      inOtherRegion: `There is no Lambda function named {{names.function}} in {{region}}: ${IN_OTHER_REGION}`,
      notActive: 'The function {{functionName}} is in state {{state}} ({{stateReason}}), not Active.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the function as in Activity 6 (zip lambda_function.py first), with a runtime Lambda still accepts.',
      commands: [CREATE_FUNCTION],
      needs: [FUNCTION_ZIP],
      byMessage: {
        // The API is there: a new function (even of the same name and ARN) has no permission for it yet.
        missingForApi: {
          text: "Create the function as in Activity 6 (zip lambda_function.py first), then let API Gateway invoke it as Activity 9 does.",
          commands: [CREATE_FUNCTION, addInvokePermission('{{names.permissionStatementId}}')],
          needs: [FUNCTION_ZIP],
        },
        nearMissInUse: REBUILD_FUNCTION,
        notActive: {
          text: "Read the function's state reason; fixing its cause and updating the function makes Lambda try again.",
          commands: ["aws lambda get-function-configuration --function-name {{functionName}} --region {{region}} --query '[State,StateReason,StateReasonCode]'"],
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html',
    permissions: ['lambda:GetFunction', 'lambda:ListFunctions'],
  },
  evaluate(snapshot, lab) {
    const fn = snapshot.lambda.function;
    if (!seen(fn)) return unobserved(fn, 'the Lambda function');
    if (fn.state === 'absent') {
      const elsewhere = { nearMisses: snapshot.lambda.functionNearMisses, inRegions: snapshot.lambda.functionInRegions };
      return (
        missingBecause(elsewhere, snapshot, lab, (nearMiss) => (integrationInvokes(snapshot, nearMiss.id, lab) ? {} : null)) ??
        (snapshot.apigateway.api.state === 'found'
          ? failed('missingForApi', { region: snapshot.target.region, apiId: snapshot.apigateway.api.value.id }, { detail: fn.detail })
          : failed('missing', { region: snapshot.target.region }, { detail: fn.detail }))
      );
    }
    const { functionName, state, stateReason } = fn.value;
    // Functions from before Lambda reported states carry none: they run.
    if (state === null || state === 'Active') return passed('active', { functionName, state: state ?? 'running' }, { state });
    return failed('notActive', { functionName, state, stateReason: shown(stateReason, 'no reason given') }, { state, stateReason });
  },
};

export default check;
