// collect: every read-only call the grade needs, run as concurrently as their dependencies allow, as the
// snapshot's configuration sections. Failures are observations inside them; only unusable credentials are thrown.
// The pipeline (src/pipeline/) adds the live probes and assembles the snapshot.
import { CannotGradeError } from '../errors.js';
import type { LabSpec } from '../lab/types.js';
import type { CallerIdentity, Observed, Snapshot } from '../snapshot/types.js';
import type { GradingClients } from '../target/clients.js';
import { credentialsFailureMessage } from '../target/credential-help.js';
import type { Target } from '../target/target.js';
import { authorizerPools, collectApiGateway } from './apigateway.js';
import { collectCognito } from './cognito.js';
import type { CollectContext } from './context.js';
import { collectIam } from './iam.js';
import { collectLambda } from './lambda.js';
import { createObserve, type CallEvent } from '../observation/observe.js';
import { collectIdentity } from './sts.js';

export type { CallEvent } from '../observation/observe.js';

export interface CollectOptions {
  onCall?: (event: CallEvent) => void;
  /** The grading clients of another region (see other-regions.ts): where else a missing resource is. */
  clientsIn?: (region: string) => GradingClients;
}

/** What the collectors observe: the snapshot's configuration sections and their notes. */
export type CollectedEvidence = Pick<Snapshot, 'identity' | 'cognito' | 'iam' | 'lambda' | 'apigateway' | 'notes'>;

export type Collector = (clients: GradingClients, target: Target, lab: LabSpec, options?: CollectOptions) => Promise<CollectedEvidence>;

export const collectEvidence: Collector = async (clients, target, lab, options = {}) => {
  const ctx: CollectContext = { clients, lab, region: target.region, observe: createObserve(options.onCall), clientsIn: options.clientsIn };

  // The dependency graph: everything starts now; each step waits only for what it reads.
  const apigateway = collectApiGateway(ctx);
  const lambda = collectLambda(ctx, apigateway.resources);
  const [identity, cognito, iam, lambdaEvidence, apigatewaySection] = await Promise.all([
    collectIdentity(ctx),
    collectCognito(ctx, () => authorizerPools(apigateway, lab.names.authorizer)),
    collectIam(ctx, lambda.function),
    lambda.evidence,
    apigateway.section,
  ]);
  throwIfCredentialsUnusable(identity, target);

  return {
    identity,
    cognito: cognito.evidence,
    iam,
    lambda: lambdaEvidence,
    apigateway: apigatewaySection.evidence,
    notes: [...cognito.notes, ...apigatewaySection.notes],
  };
};

/**
 * GetCallerIdentity needs no permission, so its failing for credentials (or being denied: the assume-role
 * step of a --role-arn target failed) means nothing else was graded either: the grader cannot grade.
 * Nor can it when AWS cannot be reached at all: a report of nothing but errors would help nobody.
 */
function throwIfCredentialsUnusable(identity: Observed<CallerIdentity>, target: Target): void {
  if (identity.state !== 'error') return;
  const { kind, operation, message } = identity.error;
  if (kind === 'credentials' || kind === 'access-denied') {
    throw new CannotGradeError(credentialsFailureMessage(target.credentialSource, identity.error));
  }
  if (kind === 'network' || kind === 'timeout') {
    const where = target.endpoint ?? `AWS in ${target.region}`;
    throw new CannotGradeError(
      `lab-grader could not reach ${where} (${operation}: ${message}). Check the network connection${target.endpoint ? ' and --endpoint-url' : ''}, then run the grade again. Nothing was graded.`,
    );
  }
}
