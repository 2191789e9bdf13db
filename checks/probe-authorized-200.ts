import type { Check } from '../src/engine/types.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { answerData, answerEvidence, isMissingAuthenticationToken, PROBES_NOT_RUN_MESSAGES, probesNotRun, sharedAnswerMessages } from './support/probes.js';
import { failed, passed } from './support/verdict.js';
import { addInvokePermission, FUNCTION_ZIP, REDEPLOY_CLI, unusedStatementId, UPDATE_FUNCTION_CODE } from './support/remediations.js';

const CALL = '{{names.httpMethod}} {{names.resourcePath}} with the ID token';

const check: Check = {
  meta: {
    id: 'probe-authorized-200',
    step: 10,
    title: 'GET /hello with the ID token answers 200',
    dependsOn: ['probe-token-issued', 'prod-stage-exists'],
    severity: 'critical',
    kind: 'probe',
    messages: {
      ok: `${CALL} answered 200.`,
      invokeDenied: `${CALL} answered 500 ({{gatewayMessage}}): API Gateway could not invoke the function it is wired to (no permission for this API, or no such function).`,
      handlerFailed: `${CALL} answered 502 ({{gatewayMessage}}): the function failed or did not return a proxy response (statusCode and a string body).`,
      tokenRejected:
        `${CALL} answered 401 ({{gatewayMessage}}): the deployed method refuses this user pool's ID tokens ` +
        '(its authorizer names another pool or reads another header, or the method requires OAuth scopes).',
      ...sharedAnswerMessages(CALL, 200),
      ...UNOBSERVED_MESSAGES,
      ...PROBES_NOT_RUN_MESSAGES,
    },
    remediation: {
      text: 'Deploy the API again so that the prod stage serves what you configured.',
      afterAll: REDEPLOY_CLI,
      byMessage: {
        invokeDenied: {
          text:
            'The function GET /hello invokes must exist and let this API call it: see lambda-invoke-permission and hello-get-integration; ' +
            "the command adds Activity 9's permission under a statement id the function's policy does not use.",
          commands: [addInvokePermission('{{statementId}}')],
        },
        handlerFailed: {
          text:
            "The function fails: upload the lab's lambda_function.py again (function.zip from Activity 6); " +
            'its runtime and handler are checked in Activity 6 (function-runtime, function-handler).',
          commands: [UPDATE_FUNCTION_CODE],
          needs: [FUNCTION_ZIP],
        },
        tokenRejected: {
          text:
            'Make the authorizer use your user pool and read the Authorization header (Activity 8), leave the method without OAuth scopes (Activity 9), ' +
            'and deploy again; the lab calls the API with the ID token, not the access token.',
        },
      },
    },
    explainedBy: ['hello-get-authorized', 'cognito-authorizer', 'prod-deployment-current', 'hello-get-integration', 'lambda-invoke-permission', 'function-handler', 'function-runtime', 'function-role', 'execution-role-trust', 'execution-role-basic-policy'],
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-invoke-api-integrated-with-cognito-user-pool.html',
    permissions: [],
  },
  evaluate(snapshot, lab) {
    const notRun = probesNotRun(snapshot);
    if (notRun) return notRun;
    const probe = snapshot.probes.http.bearerIdToken;
    if (probe.state !== 'found') return unobserved(probe, 'the call with the ID token');
    const answer = probe.value;
    const data = answerData(answer);
    const evidence = answerEvidence(answer);
    switch (answer.status) {
      case 200:
        return passed('ok', data, evidence);
      case 500:
        return failed('invokeDenied', { ...data, statementId: unusedStatementId(snapshot, lab.names.permissionStatementId) }, evidence);
      case 502:
        return failed('handlerFailed', data, evidence);
      case 401:
        return failed('tokenRejected', data, evidence);
      default:
        return failed(isMissingAuthenticationToken(answer) ? 'routeNotDeployed' : 'unexpectedStatus', data, evidence);
    }
  },
};

export default check;
