// Activity 10: the prod stage.
import prodStageExists from '../../checks/prod-stage-exists.js';
import { found } from '../../fixtures/observations.js';
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
