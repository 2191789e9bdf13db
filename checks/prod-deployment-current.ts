import type { Check } from '../src/engine/types.js';
import { deployedDifferences } from './support/deployed.js';
import { shown } from './support/format.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { errored, failed, passed } from './support/verdict.js';
import { REDEPLOY_CLI } from './support/remediations.js';

const check: Check = {
  meta: {
    id: 'prod-deployment-current',
    step: 10,
    title: 'The prod stage serves the API as configured, GET /hello with the authorizer',
    dependsOn: ['prod-stage-exists', 'hello-get-authorized'],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      current:
        'The {{names.stage}} stage (deployment {{deploymentId}}) serves every method and authorizer as configured, {{names.httpMethod}} {{names.resourcePath}} with COGNITO_USER_POOLS authorization.',
      noDeployment: 'The {{names.stage}} stage points at no deployment ({{detail}}).',
      helloNotDeployed:
        'The {{names.stage}} stage serves deployment {{deploymentId}} (created {{createdDate}}), which has no {{names.httpMethod}} {{names.resourcePath}}: the method was added after that deployment.',
      deployedWithoutAuthorizer:
        'The {{names.stage}} stage still serves {{names.httpMethod}} {{names.resourcePath}} with authorization type {{deployedAuthorizationType}} (deployment {{deploymentId}}): the method was changed after that deployment.',
      changedSinceDeployment:
        'The {{names.stage}} stage serves deployment {{deploymentId}} (created {{createdDate}}), not what is configured now: {{differences}}. Callers get the deployed version until the API is deployed again.',
      apiSummaryUnavailable: 'The grader could not see what deployment {{deploymentId}} serves (the endpoint returned no API summary), so this was not checked.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Deploy the API again: changes to methods and authorizers reach the prod stage only with a new deployment.',
      afterAll: REDEPLOY_CLI,
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-deploy-api.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot, lab) {
    const { deployment, stageDefinition, resources, authorizers } = snapshot.apigateway;
    if (!seen(deployment)) return unobserved(deployment, 'the deployment of the prod stage');
    if (deployment.state === 'absent') return failed('noDeployment', { detail: deployment.detail });
    const { id: deploymentId, createdDate, apiSummary } = deployment.value;
    if (apiSummary === null) return errored('apiSummaryUnavailable', { deploymentId });
    const deployed = apiSummary[lab.names.resourcePath]?.[lab.names.httpMethod];
    const evidence = { deploymentId, createdDate, deployed: deployed ?? null };
    const created = shown(createdDate, 'at an unknown time');
    if (!deployed) return failed('helloNotDeployed', { deploymentId, createdDate: created }, evidence);
    if (deployed.authorizationType !== 'COGNITO_USER_POOLS') {
      return failed('deployedWithoutAuthorizer', { deploymentId, deployedAuthorizationType: deployed.authorizationType }, evidence);
    }
    if (stageDefinition.state !== 'found') return unobserved(stageDefinition, 'the authorizers the prod stage serves (its export)');
    if (resources.state !== 'found') return unobserved(resources, 'the API resources');
    if (authorizers.state !== 'found') return unobserved(authorizers, 'the API authorizers');
    const differences = deployedDifferences(apiSummary, stageDefinition.value, resources.value, authorizers.value);
    if (differences.length > 0) {
      return failed('changedSinceDeployment', { deploymentId, createdDate: created, differences: differences.join('; ') }, { ...evidence, differences });
    }
    return passed('current', { deploymentId }, evidence);
  },
};

export default check;
