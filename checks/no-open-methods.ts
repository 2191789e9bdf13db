import type { Check } from '../src/engine/types.js';
import type { ApiDeployment, Observed } from '../src/snapshot/types.js';
import { listed } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { REDEPLOY_CLI } from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

/** OPTIONS answers CORS preflights, which browsers send without credentials. */
const isOpen = (httpMethod: string, authorizationType: string) => httpMethod !== 'OPTIONS' && authorizationType === 'NONE';

/** The methods the prod stage serves without a token: what anyone can call now, whatever the live configuration says. */
function openOnProd(deployment: Observed<ApiDeployment>): string[] {
  if (deployment.state !== 'found' || deployment.value.apiSummary === null) return [];
  return Object.entries(deployment.value.apiSummary).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([httpMethod, summary]) => isOpen(httpMethod, summary.authorizationType))
      .map(([httpMethod]) => `${httpMethod} ${path}`),
  );
}

const check: Check = {
  meta: {
    id: 'no-open-methods',
    step: 9,
    title: 'No method of the API is open to anyone',
    dependsOn: ['rest-api-exists'],
    severity: 'high',
    kind: 'inspect',
    messages: {
      noneOpen: 'Every method of the API {{apiId}} (OPTIONS aside) requires authorization, in the configuration and on the {{names.stage}} stage.',
      openMethods: 'The API {{apiId}} has methods anyone can call without a token: {{openMethods}}.',
      openOnProdOnly:
        'The {{names.stage}} stage (deployment {{deploymentId}}) still serves {{openMethods}} to anyone without a token: the configuration requires authorization now, but that change was not deployed.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Give each open method the Cognito authorizer (or delete the ones the lab does not need), then deploy again; the command fixes {{firstOpen}}.',
      commands: [
        'aws apigateway update-method --rest-api-id {{apiId}} --resource-id {{firstOpenResourceId}} --http-method {{firstOpenHttpMethod}} ' +
        '--patch-operations op=replace,path=/authorizationType,value=COGNITO_USER_POOLS op=replace,path=/authorizerId,value={{authorizerId}} --region {{region}}',
      ],
      afterAll: REDEPLOY_CLI,
      byMessage: {
        openOnProdOnly: {
          text: 'Deploy the API again: the prod stage serves the configuration of its last deployment, which still had the open methods.',
          afterAll: REDEPLOY_CLI,
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot, lab) {
    const { api, resources, deployment } = snapshot.apigateway;
    if (api.state !== 'found') return unobserved(api, 'the REST API');
    if (resources.state !== 'found') return unobserved(resources, 'the API resources');
    const open = resources.value.flatMap((resource) =>
      Object.values(resource.methods)
        .filter((method) => isOpen(method.httpMethod, method.authorizationType))
        .map((method) => ({ label: `${method.httpMethod} ${resource.path}`, resourceId: resource.id, httpMethod: method.httpMethod })),
    );
    const apiId = api.value.id;
    const [first] = open;
    if (first) {
      const verdict = failed(
        'openMethods',
        { apiId, openMethods: listed(open.map((method) => method.label)), firstOpen: first.label, firstOpenResourceId: first.resourceId, firstOpenHttpMethod: first.httpMethod },
        { open, openOnProd: openOnProd(deployment) },
      );
      // When the only open method is the lab's own, the method's check names the cause and its fix covers this.
      const labMethodOnly = open.every((method) => method.label === `${lab.names.httpMethod} ${lab.names.resourcePath}`);
      return labMethodOnly ? { ...verdict, explainedBy: ['hello-get-authorized'] } : verdict;
    }
    const servedOpen = openOnProd(deployment);
    if (servedOpen.length > 0 && deployment.state === 'found') {
      return failed('openOnProdOnly', { apiId, deploymentId: deployment.value.id, openMethods: listed(servedOpen) }, { openOnProd: servedOpen });
    }
    return passed('noneOpen', { apiId });
  },
};

export default check;
