import { isDeepStrictEqual } from 'node:util';
import type { Check } from '../src/engine/types.js';
import { parseJsonBody } from './support/json-body.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { gatewayMessage, PROBES_NOT_RUN_MESSAGES, probesNotRun } from './support/probes.js';
import { failed, passed } from './support/verdict.js';
import { FUNCTION_ZIP, REQUIRE_AUTHORIZER_AND_REDEPLOY, UPDATE_FUNCTION_CODE } from './support/remediations.js';

const check: Check = {
  meta: {
    id: 'probe-response-body',
    step: 10,
    title: "The authorized call returns the lab's JSON",
    dependsOn: ['probe-authorized-200'],
    severity: 'medium',
    kind: 'probe',
    messages: {
      matches: 'The authorized call returned {{body}}.',
      notJson: 'The authorized call returned a body that is not JSON: {{body}}.',
      differs: 'The authorized call returned {{body}}, not {{expectedBody}}.',
      noClaims:
        'The authorized call returned {{body}}: user "Unknown" means the function received no Cognito claims, so the deployed method has no Cognito authorizer.',
      ...UNOBSERVED_MESSAGES,
      ...PROBES_NOT_RUN_MESSAGES,
    },
    remediation: {
      text: "Deploy the lab's lambda_function.py (Activity 6).",
      commands: [UPDATE_FUNCTION_CODE],
      needs: [FUNCTION_ZIP],
      byMessage: {
        noClaims: REQUIRE_AUTHORIZER_AND_REDEPLOY,
      },
    },
    explainedBy: ['hello-get-authorized', 'cognito-authorizer', 'prod-deployment-current', 'hello-get-integration', 'function-handler', 'function-runtime'],
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html',
    permissions: [],
  },
  evaluate(snapshot, lab) {
    const notRun = probesNotRun(snapshot);
    if (notRun) return notRun;
    const probe = snapshot.probes.http.bearerIdToken;
    if (probe.state !== 'found') return unobserved(probe, 'the call with the ID token');
    const expectedBody = JSON.stringify(lab.expected.responseBody);
    const body = parseJsonBody(probe.value.body);
    if (body.kind === 'notJson') return failed('notJson', { body: gatewayMessage(probe.value) }, { body: probe.value.body });
    // Too deep to compare or report as a value: certainly not the lab's answer, so quoted as text.
    if (body.kind === 'tooDeep') return failed('differs', { body: gatewayMessage(probe.value), expectedBody }, { body: probe.value.body });
    const parsed = body.value;
    const data = { body: JSON.stringify(parsed), expectedBody };
    const evidence = { body: parsed };
    if (isDeepStrictEqual(parsed, lab.expected.responseBody)) return passed('matches', data, evidence);
    // The lab's handler answers user "Unknown" when the event carries no authorizer claims.
    const user = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['user'] : undefined;
    return failed(user === 'Unknown' ? 'noClaims' : 'differs', data, evidence);
  },
};

export default check;
