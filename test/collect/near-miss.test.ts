// Which names count as the learner's likely typo of the lab's: only case, or one character added, dropped or changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNearMiss, nearMissesOf } from '../../src/collect/near-miss.js';

test('a near miss differs from the lab name only by case or by one edit', () => {
  const cases: [string, boolean][] = [
    ['MyApiUserPool', true], // case only
    ['myapiuserpool', true],
    ['MyAPIUserPoo', true], // one dropped
    ['MyAPIUserPools', true], // one added
    ['MyAPIUserPoel', true], // one changed
    ['MyApiUserPoo', true], // case and one edit
    ['MyAPIUserPool', false], // the lab's own name is no near miss
    ['MyAPIPool', false],
    ['MyAPIUserPo', false], // two edits
    ['', false],
  ];
  assert.deepEqual(
    cases.map(([name]) => [name, isNearMiss(name, 'MyAPIUserPool')]),
    cases,
  );
});

test('nearMissesOf keeps the near misses, in the order listed', () => {
  const pools = [
    { Id: 'a', Name: 'SecureApi' },
    { Id: 'b', Name: 'SecureAPI' },
    { Id: 'c', Name: 'OtherAPI' },
    { Id: 'd', Name: 'SecureAPIs' },
  ];
  assert.deepEqual(nearMissesOf(pools, 'SecureAPI', (pool) => ({ id: pool.Id, name: pool.Name })), [
    { id: 'a', name: 'SecureApi' },
    { id: 'd', name: 'SecureAPIs' },
  ]);
});
