// Activity 7: the /hello resource (paths are case-sensitive).
import helloResource from '../../checks/hello-resource.js';
import { found } from '../../fixtures/observations.js';
import { resourcesDenied, resourcesSkipped } from './api-snapshots.js';
import { checkTester } from './check-tester.js';
import { complete, mutate, value } from './snapshots.js';

checkTester(helloResource, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'exists' }],
  invalid: [
    { name: 'only the root resource', snapshot: mutate(complete, (s) => void (s.apigateway.resources = found(value(s.apigateway.resources).filter((r) => r.path === '/')))), messageId: 'missing' },
    {
      name: 'a /Hello resource (paths are case-sensitive)',
      snapshot: mutate(complete, (s) => {
        const hello = value(s.apigateway.resources).find((r) => r.path === '/hello');
        if (hello) Object.assign(hello, { path: '/Hello', pathPart: 'Hello' });
      }),
      messageId: 'missing',
    },
    { name: 'GetResources denied', snapshot: resourcesDenied, status: 'ERROR', messageId: 'observationError' },
    { name: 'resources not looked for', snapshot: resourcesSkipped, status: 'ERROR', messageId: 'notObserved' },
  ],
});
