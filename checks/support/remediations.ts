// Fixes several checks share: the same step of the lab mends more than one symptom.
import type { Remediation } from '../../src/engine/types.js';

/** Activity 10's create-deployment, which makes the prod stage serve what is configured now. */
export const REDEPLOY_CLI = 'aws apigateway create-deployment --rest-api-id {{apiId}} --stage-name {{names.stage}} --region {{region}}';

/** The deployed GET /hello lets calls through without checking a token. */
export const REQUIRE_AUTHORIZER_AND_REDEPLOY: Remediation = {
  text: 'Require the Cognito authorizer on GET /hello (Activity 9) and deploy again (Activity 10).',
  cli: REDEPLOY_CLI,
};
