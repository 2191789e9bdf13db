// Activity 9: GET /hello is a Lambda proxy integration with the lab's function.
import helloGetIntegration from '../../checks/hello-get-integration.js';
import { OTHER_FUNCTION_ARN, invocationUri } from '../../fixtures/account.js';
import type { ApiIntegration } from '../../src/snapshot/types.js';
import { helloGet, resourcesSkipped, withHelloAny, withoutHelloGet } from './api-snapshots.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, value } from './snapshots.js';

const withIntegration = (change: Partial<ApiIntegration> | null) =>
  mutate(complete, (s) => {
    const method = helloGet(s);
    method.integration = change === null ? null : { ...(method.integration as ApiIntegration), ...change };
  });

checkTester(helloGetIntegration, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'integrated' },
    {
      name: 'the lab function through an alias',
      snapshot: withIntegration({ uri: invocationUri(`${value(complete.lambda.function).functionArn}:live`) }),
      messageId: 'integrated',
    },
    { name: 'ANY /hello, which serves GET', snapshot: withHelloAny, messageId: 'integrated' },
  ],
  invalid: [
    { name: 'no GET on /hello', snapshot: withoutHelloGet, messageId: 'noMethod' },
    { name: 'no integration', snapshot: withIntegration(null), messageId: 'noIntegration' },
    { name: 'a non-proxy Lambda integration', snapshot: withIntegration({ type: 'AWS' }), messageId: 'wrongType' },
    { name: 'integration method GET', snapshot: withIntegration({ httpMethod: 'GET' }), messageId: 'wrongMethod' },
    { name: 'another function', snapshot: withIntegration({ uri: invocationUri(OTHER_FUNCTION_ARN) }), messageId: 'otherFunction' },
    { name: 'a URI that is not a Lambda invocation', snapshot: withIntegration({ uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key' }), messageId: 'otherFunction' },
    { name: 'GetFunction denied', snapshot: mutate(complete, (s) => void (s.lambda.function = denied('lambda:GetFunction'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'resources not looked for', snapshot: resourcesSkipped, status: 'ERROR', messageId: 'notObserved' },
  ],
});
