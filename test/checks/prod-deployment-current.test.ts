// Activity 10: what the prod stage's deployment serves is GET /hello with the authorizer.
import prodDeploymentCurrent from '../../checks/prod-deployment-current.js';
import { absent } from '../../fixtures/observations.js';
import type { ApiDeployment } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

const deployed = (apiSummary: ApiDeployment['apiSummary']) => mutate(complete, (s) => void (value(s.apigateway.deployment).apiSummary = apiSummary));

checkTester(prodDeploymentCurrent, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'current' }],
  invalid: [
    { name: 'deployed before GET /hello existed', snapshot: deployed({}), messageId: 'helloNotDeployed' },
    { name: 'deployed while GET /hello was open (changed, not redeployed)', snapshot: deployed({ '/hello': { GET: { authorizationType: 'NONE', apiKeyRequired: false } } }), messageId: 'deployedWithoutAuthorizer' },
    { name: 'the stage points at a deployment that is gone', snapshot: mutate(complete, (s) => void (s.apigateway.deployment = absent('NotFoundException: Invalid Deployment identifier specified'))), messageId: 'noDeployment' },
    { name: 'the endpoint gave no API summary', snapshot: deployed(null), status: 'ERROR', messageId: 'apiSummaryUnavailable' },
    { name: 'GetDeployment denied', snapshot: mutate(complete, (s) => void (s.apigateway.deployment = denied('apigateway:GetDeployment'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'deployment not looked for', snapshot: mutate(complete, (s) => void (s.apigateway.deployment = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
