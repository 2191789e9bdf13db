// Activity 3: the user pool of the lab name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import userPoolExists from '../../checks/user-pool-exists.js';
import { AUTHORIZER_ID, OLD_POOL_ID, POOL_ID } from '../../fixtures/account.js';
import { absent, found } from '../../fixtures/observations.js';
import type { CognitoEvidence } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, lab, mutate, notLookedFor, value } from './snapshots.js';

/** No pool of the lab's name, and what the collector found instead. */
const noPool = (elsewhere: Pick<CognitoEvidence, 'poolNearMisses' | 'poolInRegions'>) =>
  mutate(complete, (s) => void Object.assign(s.cognito, { pool: absent('no pool'), ...elsewhere }));

checkTester(userPoolExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'exists' },
    {
      name: 'two pools of that name, the choice is explained',
      snapshot: mutate(complete, (s) => {
        s.cognito.poolChoice = { candidates: ['us-east-1_Old000001', value(s.cognito.pool).id], chosen: value(s.cognito.pool).id, reason: 'newest' };
      }),
      messageId: 'existsChosen',
    },
  ],
  invalid: [
    {
      name: 'no pool of that name, nor an authorizer that needs one',
      snapshot: mutate(complete, (s) => {
        s.cognito.pool = absent('no pool');
        s.apigateway.authorizers = found([]);
      }),
      messageId: 'missing',
    },
    { name: "no pool of that name, and the lab's authorizer still there", snapshot: mutate(complete, (s) => void (s.cognito.pool = absent('no pool'))), messageId: 'missingForAuthorizer' },
    { name: 'a near miss the authorizer uses', snapshot: noPool({ poolNearMisses: found([{ name: 'MyApiUserPool', id: POOL_ID }]) }), messageId: 'nearMissInUse' },
    { name: 'a near miss nothing uses', snapshot: noPool({ poolNearMisses: found([{ name: 'MyAPIUserPoo', id: OLD_POOL_ID }]) }), messageId: 'nearMiss' },
    { name: "the lab's name in another region", snapshot: noPool({ poolNearMisses: found([]), poolInRegions: ['us-west-2'] }), messageId: 'inOtherRegion' },
    {
      name: 'another region wins over a near miss nothing uses',
      snapshot: noPool({ poolNearMisses: found([{ name: 'MyAPIUserPoo', id: OLD_POOL_ID }]), poolInRegions: ['us-west-2'] }),
      messageId: 'inOtherRegion',
    },
    {
      name: 'a near miss the authorizer uses wins over another region',
      snapshot: noPool({ poolNearMisses: found([{ name: 'MyApiUserPool', id: POOL_ID }]), poolInRegions: ['us-west-2'] }),
      messageId: 'nearMissInUse',
    },
    { name: 'ListUserPools answered, nothing near, no other region', snapshot: noPool({ poolNearMisses: found([]), poolInRegions: [] }), messageId: 'missingForAuthorizer' },
    { name: 'ListUserPools denied', snapshot: mutate(complete, (s) => void (s.cognito.pool = denied('cognito-idp:ListUserPools'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.cognito.pool = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

test('the near miss and the authorizer that uses it are named, with where the fix moves it from', () => {
  const evaluation = userPoolExists.evaluate(noPool({ poolNearMisses: found([{ name: 'MyApiUserPool', id: POOL_ID }]) }), lab);
  assert.deepEqual(evaluation.data, { nearName: 'MyApiUserPool', nearId: POOL_ID, authorizerName: 'CognitoAuthorizer', authorizerId: AUTHORIZER_ID, providerIndex: 0 });
});

test('every region the pool is in is named, the first to grade with', () => {
  const evaluation = userPoolExists.evaluate(noPool({ poolInRegions: ['us-west-2', 'eu-west-1', 'ap-south-1'] }), lab);
  assert.deepEqual(evaluation.data, { region: 'us-east-1', foundRegion: 'us-west-2', foundRegions: 'us-west-2, eu-west-1 and ap-south-1', labRegion: 'us-east-1' });
});
