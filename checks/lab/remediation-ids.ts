// The learner's own IDs, read from the snapshot, for the fix commands. An ID the grader could not see falls
// back to the lab's shell variable, so a pasted command still works in the learner's lab shell.
import type { LabSpec } from '../../src/lab/types.js';
import type { Observed, Snapshot } from '../../src/snapshot/types.js';

/**
 * The learner's IDs as seen in the snapshot, for remediation commands; keys are the placeholder names,
 * and each falls back to the lab's shell variable of the same meaning.
 */
export const REMEDIATION_IDS = {
  region: '$REGION',
  accountId: '$ACCOUNT_ID',
  userPoolId: '$USER_POOL_ID',
  clientId: '$CLIENT_ID',
  apiId: '$API_ID',
  rootResourceId: '$ROOT_RESOURCE_ID',
  resourceId: '$RESOURCE_ID',
  authorizerId: '$AUTHORIZER_ID',
  lambdaArn: '$LAMBDA_ARN',
  roleArn: '$LAMBDA_ROLE_ARN',
  userPoolName: '$USER_POOL_NAME',
  apiName: '$API_NAME',
  functionName: '$LAMBDA_FUNCTION_NAME',
} as const;
export type RemediationIds = Record<keyof typeof REMEDIATION_IDS, string>;

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
