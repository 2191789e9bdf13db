// The learner's own IDs, read from the snapshot, for the fix commands. An ID the grader could not see falls
// back to the lab's shell variable, so a pasted command still works in the learner's lab shell.
import type { LabSpec } from '../lab/types.js';
import type { Observed, Snapshot } from '../snapshot/types.js';
import { REMEDIATION_IDS, type RemediationIds } from './types.js';

function found<T>(observed: Observed<T>): T | undefined {
  return observed.state === 'found' ? observed.value : undefined;
}

export function remediationIds(snapshot: Snapshot, lab: LabSpec): RemediationIds {
  const resources = found(snapshot.apigateway.resources) ?? [];
  const authorizers = found(snapshot.apigateway.authorizers) ?? [];
  const authorizer =
    authorizers.find((candidate) => candidate.name === lab.names.authorizer) ??
    authorizers.find((candidate) => candidate.type === 'COGNITO_USER_POOLS');
  const seen: Partial<RemediationIds> = {
    region: snapshot.target.region,
    accountId: found(snapshot.identity)?.account,
    userPoolId: found(snapshot.cognito.pool)?.id,
    clientId: found(snapshot.cognito.client)?.clientId,
    apiId: found(snapshot.apigateway.api)?.id,
    rootResourceId: resources.find((resource) => resource.path === '/')?.id,
    resourceId: resources.find((resource) => resource.path === lab.names.resourcePath)?.id,
    authorizerId: authorizer?.id,
    lambdaArn: found(snapshot.lambda.function)?.functionArn,
    roleArn: found(snapshot.iam.role)?.arn,
    userPoolName: lab.names.userPool,
    apiName: lab.names.api,
    functionName: lab.names.function,
  };
  const ids = { ...REMEDIATION_IDS } as RemediationIds;
  for (const key of Object.keys(REMEDIATION_IDS) as (keyof RemediationIds)[]) {
    const value = seen[key];
    if (value) ids[key] = value;
  }
  return ids;
}
