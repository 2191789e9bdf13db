// Activity 7: the REST API of the lab name.
import restApiExists from '../../checks/rest-api-exists.js';
import { absent } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

checkTester(restApiExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'exists' },
    {
      name: 'two APIs of that name, the newest graded',
      snapshot: mutate(complete, (s) => void (s.apigateway.apiChoice = { candidates: ['aaaaaaaaaa', value(s.apigateway.api).id], chosen: value(s.apigateway.api).id, reason: 'newest' })),
      messageId: 'existsChosen',
    },
  ],
  invalid: [
    { name: 'no API of that name', snapshot: mutate(complete, (s) => void (s.apigateway.api = absent('no API'))), messageId: 'missing' },
    { name: 'GetRestApis denied', snapshot: mutate(complete, (s) => void (s.apigateway.api = denied('apigateway:GetRestApis'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.apigateway.api = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
