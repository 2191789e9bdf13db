// What the probes need from the collected evidence, and, for each thing missing, why the probes that need it
// cannot be made (the reasons a learner reads in a skipped probe).
import type { LabSpec } from '../lab/types.js';
import type { Observed, Snapshot } from '../snapshot/types.js';
import { stageUrl } from '../aws/execute-api.js';

export type Prerequisite<T> = { ready: true; value: T } | { ready: false; reason: string };

export interface ProbePlan {
  username: string;
  /** The app client to sign in with. */
  clientId: Prerequisite<string>;
  /** The stage's base URL; the resource path is appended. */
  stageUrl: Prerequisite<string>;
  httpMethod: string;
  resourcePath: string;
  /** When the stage's deployment was made: a fresh one may not serve yet. null when unknown. */
  deployedAt: Date | null;
  /** The user pool's issuer, for a forged token when Cognito issued none to copy. */
  issuer: string | null;
}

export interface PlanOptions {
  /** --stage-url: call this stage instead of the one the evidence points at. */
  stageUrl?: string;
}

/** `evidence`: the collected configuration (a snapshot's sections). */
export function planProbes(evidence: Pick<Snapshot, 'cognito' | 'apigateway' | 'target'>, lab: LabSpec, options: PlanOptions = {}): ProbePlan {
  const { client, pool } = evidence.cognito;
  const { api, deployment } = evidence.apigateway;
  const { region, endpoint } = evidence.target;
  const createdDate = deployment.state === 'found' ? deployment.value.createdDate : null;
  return {
    username: lab.names.username,
    clientId: prerequisite(client, (found) => found.clientId, 'app client', 'no app client to sign in with'),
    stageUrl:
      options.stageUrl !== undefined
        ? { ready: true, value: options.stageUrl }
        : prerequisite(api, (found) => stageUrl({ apiId: found.id, stage: lab.names.stage, region, endpoint }), 'REST API', 'no REST API to call'),
    httpMethod: lab.names.httpMethod,
    resourcePath: lab.names.resourcePath,
    deployedAt: createdDate === null ? null : new Date(createdDate),
    issuer: pool.state === 'found' ? `https://cognito-idp.${region}.amazonaws.com/${pool.value.id}` : null,
  };
}

function prerequisite<T, U>(observed: Observed<T>, use: (value: T) => U, what: string, missing: string): Prerequisite<U> {
  switch (observed.state) {
    case 'found':
      return { ready: true, value: use(observed.value) };
    case 'absent':
      return { ready: false, reason: missing };
    case 'skipped':
      return { ready: false, reason: `${missing} (${observed.reason})` };
    case 'error':
      return { ready: false, reason: `the ${what} could not be read (${observed.error.kind})` };
  }
}
