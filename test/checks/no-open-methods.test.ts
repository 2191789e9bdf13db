// Activity 9: no method of the API is open to anyone, in the configuration or on the prod stage (an open OPTIONS
// for CORS is fine).
import noOpenMethods from '../../checks/no-open-methods.js';
import { helloGet, resourcesDenied, resourcesSkipped, withHelloGet } from './api-snapshots.js';
import { checkTester } from './check-tester.js';
import { complete, mutate, value } from './snapshots.js';

checkTester(noOpenMethods, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'noneOpen' },
    {
      name: 'an open OPTIONS for CORS',
      snapshot: mutate(complete, (s) => {
        const hello = value(s.apigateway.resources).find((r) => r.path === '/hello');
        if (hello) hello.methods['OPTIONS'] = { ...helloGet(s), httpMethod: 'OPTIONS', authorizationType: 'NONE', authorizerId: null };
      }),
      messageId: 'noneOpen',
    },
  ],
  invalid: [
    { name: 'GET /hello open', snapshot: withHelloGet({ authorizationType: 'NONE', authorizerId: null }), messageId: 'openMethods' },
    {
      name: 'an open method on the root',
      snapshot: mutate(complete, (s) => {
        const root = value(s.apigateway.resources).find((r) => r.path === '/');
        if (root) root.methods['ANY'] = { ...helloGet(s), httpMethod: 'ANY', authorizationType: 'NONE', authorizerId: null };
      }),
      messageId: 'openMethods',
    },
    {
      name: 'POST /hello served open by prod, given the authorizer since (not redeployed)',
      snapshot: mutate(complete, (s) => {
        const deployment = value(s.apigateway.deployment);
        deployment.apiSummary = { ...deployment.apiSummary, '/hello': { ...deployment.apiSummary?.['/hello'], POST: { authorizationType: 'NONE', apiKeyRequired: false } } };
      }),
      messageId: 'openOnProdOnly',
    },
    { name: 'GetResources denied', snapshot: resourcesDenied, status: 'ERROR', messageId: 'observationError' },
    { name: 'resources not looked for', snapshot: resourcesSkipped, status: 'ERROR', messageId: 'notObserved' },
  ],
});
