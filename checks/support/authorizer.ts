// What makes an authorizer the lab's: a COGNITO_USER_POOLS authorizer on the graded pool, reading the lab's header.
import type { LabSpec } from '../../src/lab/types.js';
import type { ApiAuthorizer } from '../../src/snapshot/types.js';

/** The first thing wrong with an authorizer, in the order a learner would fix them; null when it is the lab's. */
export type AuthorizerProblem = 'wrongType' | 'otherPool' | 'wrongIdentitySource';

const PROBLEM_ORDER: readonly AuthorizerProblem[] = ['wrongType', 'otherPool', 'wrongIdentitySource'];

function authorizerProblem(authorizer: ApiAuthorizer, poolArn: string, lab: LabSpec): AuthorizerProblem | null {
  if (authorizer.type !== 'COGNITO_USER_POOLS') return 'wrongType';
  if (!authorizer.providerARNs.includes(poolArn)) return 'otherPool';
  if (authorizer.identitySource !== lab.expected.identitySource) return 'wrongIdentitySource';
  return null;
}

/** The authorizers that are the lab's (a learner who ran Activity 8 twice has two, and either will do). */
export function labAuthorizers(authorizers: readonly ApiAuthorizer[], poolArn: string, lab: LabSpec): ApiAuthorizer[] {
  return authorizers.filter((authorizer) => authorizerProblem(authorizer, poolArn, lab) === null);
}

/** Among authorizers that are not the lab's, the one closest to it (the one whose problem comes last). */
export function closestAuthorizer(
  authorizers: readonly ApiAuthorizer[],
  poolArn: string,
  lab: LabSpec,
): { authorizer: ApiAuthorizer; problem: AuthorizerProblem } | undefined {
  const ranked = authorizers
    .map((authorizer) => ({ authorizer, problem: authorizerProblem(authorizer, poolArn, lab) }))
    .filter((entry): entry is { authorizer: ApiAuthorizer; problem: AuthorizerProblem } => entry.problem !== null)
    .sort((a, b) => PROBLEM_ORDER.indexOf(b.problem) - PROBLEM_ORDER.indexOf(a.problem) || Number(b.authorizer.name === lab.names.authorizer) - Number(a.authorizer.name === lab.names.authorizer));
  return ranked[0];
}
