// The lab's check catalogue, in lab order (the order reports list them in). One module per check; ids are file names.
import type { Check } from '../src/engine/types.js';
import userPoolExists from './user-pool-exists.js';
import appClientExists from './app-client-exists.js';
import appClientPasswordAuth from './app-client-password-auth.js';
import appClientNoSecret from './app-client-no-secret.js';
import testUserReady from './test-user-ready.js';
import executionRoleExists from './execution-role-exists.js';
import executionRoleTrust from './execution-role-trust.js';
import executionRoleBasicPolicy from './execution-role-basic-policy.js';
import functionExists from './function-exists.js';
import functionRuntime from './function-runtime.js';
import functionHandler from './function-handler.js';
import functionRole from './function-role.js';
import restApiExists from './rest-api-exists.js';
import helloResource from './hello-resource.js';
import cognitoAuthorizer from './cognito-authorizer.js';
import helloGetAuthorized from './hello-get-authorized.js';
import helloGetIntegration from './hello-get-integration.js';
import lambdaInvokePermission from './lambda-invoke-permission.js';
import noOpenMethods from './no-open-methods.js';
import prodStageExists from './prod-stage-exists.js';
import prodDeploymentCurrent from './prod-deployment-current.js';
import probeTokenIssued from './probe-token-issued.js';
import probeIdTokenClaims from './probe-id-token-claims.js';
import probeUnauthenticated401 from './probe-unauthenticated-401.js';
import probeForgedToken401 from './probe-forged-token-401.js';
import probeAuthorized200 from './probe-authorized-200.js';
import probeResponseBody from './probe-response-body.js';
import probeAccessTokenRejected from './probe-access-token-rejected.js';

export const catalogue: Check[] = [
  userPoolExists,
  appClientExists,
  appClientPasswordAuth,
  appClientNoSecret,
  testUserReady,
  executionRoleExists,
  executionRoleTrust,
  executionRoleBasicPolicy,
  functionExists,
  functionRuntime,
  functionHandler,
  functionRole,
  restApiExists,
  helloResource,
  cognitoAuthorizer,
  helloGetAuthorized,
  helloGetIntegration,
  lambdaInvokePermission,
  noOpenMethods,
  prodStageExists,
  prodDeploymentCurrent,
  probeTokenIssued,
  probeIdTokenClaims,
  probeUnauthenticated401,
  probeForgedToken401,
  probeAuthorized200,
  probeResponseBody,
  probeAccessTokenRejected,
];

// The bundle (its imports here, after the catalogue, are hoisted like any other).
import type { Lab } from '../src/pipeline/lab.js';
import { createLabBundle } from './lab/bundle.js';

/** This lab, as the grader's commands, the batch and the demo take it. */
export const labBundle: Lab = createLabBundle(catalogue);

/** This lab's spec (checks/lab.json), or an instructor's (a path), checked against the catalogue. */
export const loadLabSpec = labBundle.loadSpec;
