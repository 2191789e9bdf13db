// Activity 10: the prod stage serves what is configured: GET /hello with the authorizer, every other method and
// the authorizers as they are now.
import prodDeploymentCurrent from '../../checks/prod-deployment-current.js';
import { absent } from '../../fixtures/observations.js';
import type { ApiDeployment, Snapshot } from '../../src/snapshot/types.js';
import { helloGet } from './api-snapshots.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

const deployed = (apiSummary: ApiDeployment['apiSummary']) => mutate(complete, (s) => void (value(s.apigateway.deployment).apiSummary = apiSummary));
const deployedAuthorizer = (s: Snapshot) => value(s.apigateway.stageDefinition).authorizers['CognitoAuthorizer']!;
const liveAuthorizer = (s: Snapshot) => value(s.apigateway.authorizers)[0]!;
const HELLO_GET = { authorizationType: 'COGNITO_USER_POOLS', apiKeyRequired: false };

checkTester(prodDeploymentCurrent, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'current' },
    {
      name: 'providerARNs in another order',
      snapshot: mutate(complete, (s) => {
        liveAuthorizer(s).providerARNs = ['arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_Other', ...liveAuthorizer(s).providerARNs];
        deployedAuthorizer(s).providerARNs = [...liveAuthorizer(s).providerARNs].reverse();
      }),
      messageId: 'current',
    },
  ],
  invalid: [
    { name: 'deployed before GET /hello existed', snapshot: deployed({}), messageId: 'helloNotDeployed' },
    { name: 'deployed while GET /hello was open (changed, not redeployed)', snapshot: deployed({ '/hello': { GET: { authorizationType: 'NONE', apiKeyRequired: false } } }), messageId: 'deployedWithoutAuthorizer' },
    {
      name: 'POST /hello deployed open, given the authorizer since',
      snapshot: mutate(complete, (s) => {
        value(s.apigateway.resources).find((r) => r.path === '/hello')!.methods['POST'] = { ...helloGet(s), httpMethod: 'POST' };
        value(s.apigateway.deployment).apiSummary = { '/hello': { GET: HELLO_GET, POST: { authorizationType: 'NONE', apiKeyRequired: false } } };
      }),
      messageId: 'changedSinceDeployment',
    },
    {
      name: 'a deployed method deleted since',
      snapshot: deployed({ '/hello': { GET: HELLO_GET, DELETE: HELLO_GET } }),
      messageId: 'changedSinceDeployment',
    },
    {
      name: 'a method added since (not deployed)',
      snapshot: mutate(complete, (s) => void (value(s.apigateway.resources).find((r) => r.path === '/hello')!.methods['PUT'] = { ...helloGet(s), httpMethod: 'PUT' })),
      messageId: 'changedSinceDeployment',
    },
    {
      name: 'the identity source changed since',
      snapshot: mutate(complete, (s) => void (deployedAuthorizer(s).identitySource = 'method.request.header.X-Id-Token')),
      messageId: 'changedSinceDeployment',
    },
    {
      name: 'the user pool changed since',
      snapshot: mutate(complete, (s) => void (deployedAuthorizer(s).providerARNs = ['arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_Old'])),
      messageId: 'changedSinceDeployment',
    },
    {
      name: 'scopes removed since',
      snapshot: mutate(complete, (s) => void (value(s.apigateway.stageDefinition).methods['/hello']!['GET']!.scopes = ['aws.cognito.signin.user.admin'])),
      messageId: 'changedSinceDeployment',
    },
    {
      name: 'another authorizer deployed on GET /hello',
      snapshot: mutate(complete, (s) => void (value(s.apigateway.stageDefinition).methods['/hello']!['GET']!.authorizer = 'OldAuthorizer')),
      messageId: 'changedSinceDeployment',
    },
    { name: 'the stage points at a deployment that is gone', snapshot: mutate(complete, (s) => void (s.apigateway.deployment = absent('NotFoundException: Invalid Deployment identifier specified'))), messageId: 'noDeployment' },
    { name: 'the endpoint gave no API summary', snapshot: deployed(null), status: 'ERROR', messageId: 'apiSummaryUnavailable' },
    { name: 'GetDeployment denied', snapshot: mutate(complete, (s) => void (s.apigateway.deployment = denied('apigateway:GetDeployment'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the endpoint has no export', snapshot: mutate(complete, (s) => void (s.apigateway.stageDefinition = denied('apigateway:GetExport'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'deployment not looked for', snapshot: mutate(complete, (s) => void (s.apigateway.deployment = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
