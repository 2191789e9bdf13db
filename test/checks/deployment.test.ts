// Activity 10, the inspected part: the prod stage and what its deployment serves.
import prodDeploymentCurrent from '../../checks/prod-deployment-current.js';
import prodStageExists from '../../checks/prod-stage-exists.js';
import { absent, found } from '../../fixtures/observations.js';
import type { ApiDeployment } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

checkTester(prodStageExists, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'exists' }],
  invalid: [
    { name: 'no stage at all', snapshot: mutate(complete, (s) => void (s.apigateway.stages = found([]))), messageId: 'missing' },
    {
      name: 'deployed to dev only',
      snapshot: mutate(complete, (s) => void (s.apigateway.stages = found(value(s.apigateway.stages).map((stage) => ({ ...stage, stageName: 'dev' }))))),
      messageId: 'missing',
    },
    { name: 'GetStages denied', snapshot: mutate(complete, (s) => void (s.apigateway.stages = denied('apigateway:GetStages'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'stages not looked for', snapshot: mutate(complete, (s) => void (s.apigateway.stages = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

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
