// Changes to the complete snapshot's probes that the probe check tests share: what the stage answered, how
// sign-in went, and the cases every probe check has when a call was not made.
import { failedCall, found } from '../../fixtures/observations.js';
import { hello } from '../../fixtures/gateway-answers.js';
import type { AuthOutcome, HttpExchange, ProbeName } from '../../src/snapshot/types.js';
import type { InvalidCase } from './check-tester.js';
import { complete, mutate, notLookedFor } from './snapshots.js';

export const answered = (probe: ProbeName, exchange: HttpExchange) => mutate(complete, (s) => void (s.probes.http[probe] = found(exchange)));

export const signIn = (outcome: AuthOutcome) => mutate(complete, (s) => void (s.probes.auth = found(outcome)));

/** The call with the ID token, answered with this status and body. */
export const bodyAnswer = (status: number, body: string): HttpExchange => ({ ...hello('bearerIdToken', 'testuser'), status, body });

/** Every probe check says so when the probes were not run, and when its own observation is missing. */
export function notMade(probe: ProbeName | 'auth'): InvalidCase[] {
  const clear = (observed: ReturnType<typeof notLookedFor>) =>
    mutate(complete, (s) => {
      if (probe === 'auth') s.probes.auth = observed;
      else s.probes.http[probe] = observed;
    });
  return [
    { name: 'probes not run', snapshot: mutate(complete, (s) => Object.assign(s.probes, { state: 'not-run', reason: 'not built yet' })), status: 'ERROR', messageId: 'probesNotRun' },
    { name: 'the call timed out', snapshot: clear(failedCall('timeout', 'https:GET', 'TimeoutError', 'no answer in 10 s')), status: 'ERROR', messageId: 'observationError' },
    { name: 'the call was not made', snapshot: clear(notLookedFor('no tokens')), status: 'ERROR', messageId: 'notObserved' },
  ];
}
