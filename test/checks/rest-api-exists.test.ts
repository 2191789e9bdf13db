// Activity 7: the REST API of the lab name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import restApiExists from '../../checks/rest-api-exists.js';
import { API_ID, OLD_API_ID } from '../../fixtures/account.js';
import { absent, found } from '../../fixtures/observations.js';
import type { ApiGatewayEvidence } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, lab, mutate, notLookedFor, value } from './snapshots.js';

/** No API of the lab's name, and what the collector found instead. */
const noApi = (elsewhere: Pick<ApiGatewayEvidence, 'apiNearMisses' | 'apiInRegions'>) =>
  mutate(complete, (s) => void Object.assign(s.apigateway, { api: absent('no API'), ...elsewhere }));

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
    { name: "a near miss the function's permission names", snapshot: noApi({ apiNearMisses: found([{ name: 'SecureApi', id: API_ID }]) }), messageId: 'nearMissInUse' },
    { name: 'a near miss nothing names', snapshot: noApi({ apiNearMisses: found([{ name: 'secureapi', id: OLD_API_ID }]) }), messageId: 'nearMiss' },
    { name: "the lab's name in another region", snapshot: noApi({ apiNearMisses: found([]), apiInRegions: ['eu-west-1'] }), messageId: 'inOtherRegion' },
    { name: 'the near misses could not be listed', snapshot: noApi({ apiNearMisses: denied('apigateway:GetRestApis') }), messageId: 'missing' },
    { name: 'GetRestApis denied', snapshot: mutate(complete, (s) => void (s.apigateway.api = denied('apigateway:GetRestApis'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.apigateway.api = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

test('the fix for a near miss renames the API the lab\'s way, keeping its id', () => {
  const evaluation = restApiExists.evaluate(noApi({ apiNearMisses: found([{ name: 'SecureApi', id: API_ID }]) }), lab);
  assert.deepEqual(evaluation.data, { nearName: 'SecureApi', nearId: API_ID, statementId: 'apigateway-invoke' });
  assert.deepEqual(restApiExists.meta.remediation.byMessage?.['nearMissInUse']?.commands, [
    'aws apigateway update-rest-api --rest-api-id {{nearId}} --patch-operations op=replace,path=/name,value={{names.api}} --region {{region}}',
  ]);
});
