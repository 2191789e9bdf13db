// What a stage serves: the frozen snapshot of the deployment it points at. The API data plane routes
// and authorizes requests with this, never with the live (possibly undeployed) configuration.
import { own } from '../service.js';
import type { ApiGatewayState, Authorizer, DeployedResource, Scope } from './state.js';

export type { Authorizer, DeployedResource, Integration, Method } from './state.js';

export interface DeployedStage {
  restApiId: string;
  stageName: string;
  deploymentId: string;
  /** Stage variables ({} when none). */
  variables: Record<string, string>;
  /** Every resource with its path and its methods (each with its methodIntegration), as deployed. */
  resources: DeployedResource[];
  /** The API's authorizers as deployed, by id (a method's authorizerId resolves here). */
  authorizers: Record<string, Authorizer>;
}

/** A copy of the stage's deployed snapshot, or undefined when the API, the stage or its deployment is gone. */
export function deployedStage(
  state: ApiGatewayState,
  scope: Scope,
  restApiId: string,
  stageName: string,
): DeployedStage | undefined {
  const api = own(state.region(scope).restApis, restApiId);
  const stage = api && own(api.stages, stageName);
  const deployment = api && stage && own(api.deployments, stage.deploymentId);
  if (!deployment) return undefined;
  return structuredClone({
    restApiId,
    stageName,
    deploymentId: deployment.id,
    variables: stage.variables ?? {},
    resources: deployment.resources,
    authorizers: deployment.authorizers,
  });
}
