// What the prod stage serves against what is configured now: each difference is a change made after the
// stage's deployment, which reaches callers only with a new one.
import type { ApiAuthorizer, ApiDeployment, ApiResource, DeployedAuthorizer, StageDefinition } from '../../src/snapshot/types.js';

type ApiSummary = NonNullable<ApiDeployment['apiSummary']>;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const shownList = (values: readonly string[]) => (values.length === 0 ? 'none' : values.join(' '));

/** How a deployed authorizer differs from the one the live method uses, one phrase per setting. */
function authorizerDifferences(name: string, deployed: DeployedAuthorizer, live: ApiAuthorizer): string[] {
  const phrase = (setting: string, served: string, configured: string) =>
    `the authorizer ${name}'s ${setting} is ${served} on the stage, ${configured} in the configuration`;
  const servedSource = deployed.identitySource ?? 'none';
  const configuredSource = live.identitySource ?? 'none';
  return [
    deployed.type === live.type ? null : phrase('type', deployed.type, live.type),
    sameSet(deployed.providerARNs, live.providerARNs) ? null : phrase('user pools (providerARNs)', shownList(deployed.providerARNs), shownList(live.providerARNs)),
    servedSource === configuredSource ? null : phrase('identity source', servedSource, configuredSource),
  ].filter((difference): difference is string => difference !== null);
}

/**
 * Every difference between the deployment's methods (apiSummary), the authorizers the stage serves (its export)
 * and the live configuration, as sentences a learner can read ("POST /hello: NONE on the stage, ...").
 */
export function deployedDifferences(summary: ApiSummary, definition: StageDefinition, resources: readonly ApiResource[], authorizers: readonly ApiAuthorizer[]): string[] {
  const differences: string[] = [];
  const livePaths = new Map(resources.map((resource) => [resource.path, resource.methods]));
  for (const [path, methods] of Object.entries(summary)) {
    for (const [httpMethod, served] of Object.entries(methods)) {
      const label = `${httpMethod} ${path}`;
      const live = livePaths.get(path)?.[httpMethod];
      if (live === undefined) {
        differences.push(`${label} is served but no longer configured`);
        continue;
      }
      if (served.authorizationType !== live.authorizationType) {
        differences.push(`${label} has authorization ${served.authorizationType} on the stage, ${live.authorizationType} in the configuration`);
        continue;
      }
      const deployedMethod = definition.methods[path]?.[httpMethod];
      const liveAuthorizer = authorizers.find((authorizer) => authorizer.id === live.authorizerId);
      if (deployedMethod === undefined || liveAuthorizer === undefined) continue;
      if (deployedMethod.authorizer !== liveAuthorizer.name) {
        differences.push(`${label} uses the authorizer ${deployedMethod.authorizer ?? 'none'} on the stage, ${liveAuthorizer.name} in the configuration`);
        continue;
      }
      if (!sameSet(deployedMethod.scopes, live.authorizationScopes)) {
        differences.push(`${label} requires the scopes ${shownList(deployedMethod.scopes)} on the stage, ${shownList(live.authorizationScopes)} in the configuration`);
      }
      const deployedAuthorizer = definition.authorizers[liveAuthorizer.name];
      if (deployedAuthorizer !== undefined) differences.push(...authorizerDifferences(liveAuthorizer.name, deployedAuthorizer, liveAuthorizer));
    }
  }
  for (const resource of resources) {
    for (const httpMethod of Object.keys(resource.methods)) {
      if (summary[resource.path]?.[httpMethod] === undefined) differences.push(`${httpMethod} ${resource.path} is configured but not deployed`);
    }
  }
  // Two methods sharing a changed authorizer name it twice.
  return [...new Set(differences)];
}
