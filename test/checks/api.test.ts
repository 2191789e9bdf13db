// Activities 7 to 9: the REST API, /hello, the authorizer, GET /hello, the Lambda permission.
import cognitoAuthorizer from '../../checks/cognito-authorizer.js';
import helloGetAuthorized from '../../checks/hello-get-authorized.js';
import helloGetIntegration from '../../checks/hello-get-integration.js';
import helloResource from '../../checks/hello-resource.js';
import lambdaInvokePermission from '../../checks/lambda-invoke-permission.js';
import noOpenMethods from '../../checks/no-open-methods.js';
import restApiExists from '../../checks/rest-api-exists.js';
import { OLD_POOL_ARN, OTHER_FUNCTION_ARN, invocationUri } from '../../fixtures/account.js';
import { absent, found } from '../../fixtures/observations.js';
import type { ApiAuthorizer, ApiIntegration, ApiMethod, PolicyStatement, Snapshot } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

function helloGet(s: Snapshot): ApiMethod {
  const method = value(s.apigateway.resources).find((resource) => resource.path === '/hello')?.methods['GET'];
  if (!method) throw new Error('the complete fixture has GET /hello');
  return method;
}

const resourcesDenied = mutate(complete, (s) => void (s.apigateway.resources = denied('apigateway:GetResources')));
const resourcesSkipped = mutate(complete, (s) => void (s.apigateway.resources = notLookedFor()));

checkTester(restApiExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'exists' },
    {
      name: 'two APIs of that name, the newest graded',
      snapshot: mutate(complete, (s) => void (s.apigateway.apiChoice = { candidates: ['aaaaaaaaaa', value(s.apigateway.api).id], chosen: value(s.apigateway.api).id, reason: 'newest' })),
      messageId: 'existsChosen',
    },
  ],
  invalid: [
    { name: 'no API of that name', snapshot: mutate(complete, (s) => void (s.apigateway.api = absent('no API'))), messageId: 'missing' },
    { name: 'GetRestApis denied', snapshot: mutate(complete, (s) => void (s.apigateway.api = denied('apigateway:GetRestApis'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.apigateway.api = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

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

const withAuthorizers = (...authorizers: Partial<ApiAuthorizer>[]) =>
  mutate(complete, (s) => {
    const [lab] = value(s.apigateway.authorizers);
    s.apigateway.authorizers = found(authorizers.map((change, index) => ({ ...(lab as ApiAuthorizer), id: `auth0${index}`, ...change })));
  });

checkTester(cognitoAuthorizer, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'configured' },
    { name: 'an authorizer on two pools, the lab one among them', snapshot: withAuthorizers({ providerARNs: [OLD_POOL_ARN, value(complete.cognito.pool).arn] }), messageId: 'configured' },
    { name: 'a wrong authorizer beside the right one', snapshot: withAuthorizers({ type: 'TOKEN', providerARNs: [] }, {}), messageId: 'configured' },
  ],
  invalid: [
    { name: 'no authorizer', snapshot: mutate(complete, (s) => void (s.apigateway.authorizers = found([]))), messageId: 'missing' },
    { name: 'a Lambda TOKEN authorizer', snapshot: withAuthorizers({ type: 'TOKEN', providerARNs: [] }), messageId: 'wrongType' },
    { name: 'on another pool', snapshot: withAuthorizers({ providerARNs: [OLD_POOL_ARN] }), messageId: 'otherPool' },
    { name: 'reading another header', snapshot: withAuthorizers({ identitySource: 'method.request.header.X-Token' }), messageId: 'wrongIdentitySource' },
    {
      name: 'two wrong ones: the closest is reported',
      snapshot: withAuthorizers({ type: 'TOKEN', providerARNs: [] }, { identitySource: 'method.request.header.Token' }),
      messageId: 'wrongIdentitySource',
    },
    { name: 'GetAuthorizers denied', snapshot: mutate(complete, (s) => void (s.apigateway.authorizers = denied('apigateway:GetAuthorizers'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the pool was not looked for', snapshot: mutate(complete, (s) => void (s.cognito.pool = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

const withHelloGet = (change: Partial<ApiMethod>) => mutate(complete, (s) => void Object.assign(helloGet(s), change));
const withoutHelloGet = mutate(complete, (s) => {
  const hello = value(s.apigateway.resources).find((r) => r.path === '/hello');
  if (hello) hello.methods = { POST: { ...helloGet(s), httpMethod: 'POST' } };
});

checkTester(helloGetAuthorized, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'authorized' },
    {
      name: 'a second, equally right authorizer in use',
      snapshot: mutate(complete, (s) => {
        const [lab] = value(s.apigateway.authorizers);
        s.apigateway.authorizers = found([lab as ApiAuthorizer, { ...(lab as ApiAuthorizer), id: 'zz9yx8' }]);
        helloGet(s).authorizerId = 'zz9yx8';
      }),
      messageId: 'authorized',
    },
  ],
  invalid: [
    { name: 'no GET on /hello', snapshot: withoutHelloGet, messageId: 'noMethod' },
    { name: 'authorization NONE', snapshot: withHelloGet({ authorizationType: 'NONE', authorizerId: null }), messageId: 'authorizationNone' },
    { name: 'AWS_IAM', snapshot: withHelloGet({ authorizationType: 'AWS_IAM', authorizerId: null }), messageId: 'otherType' },
    { name: 'an authorizer id that is not the Cognito authorizer', snapshot: withHelloGet({ authorizerId: 'gone01' }), messageId: 'otherAuthorizer' },
    { name: 'COGNITO_USER_POOLS without an authorizer id', snapshot: withHelloGet({ authorizerId: null }), messageId: 'otherAuthorizer' },
    { name: 'GetResources denied', snapshot: resourcesDenied, status: 'ERROR', messageId: 'observationError' },
    { name: 'resources not looked for', snapshot: resourcesSkipped, status: 'ERROR', messageId: 'notObserved' },
  ],
});

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

const API = 'arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p1';
const labStatement = (): PolicyStatement => structuredClone(value(complete.lambda.policy).Statement[0] as PolicyStatement);
const withStatements = (...statements: PolicyStatement[]) => mutate(complete, (s) => void (value(s.lambda.policy).Statement = statements));
const withSourceArn = (operator: string, sourceArn: string | string[]) => withStatements({ ...labStatement(), Condition: { [operator]: { 'AWS:SourceArn': sourceArn } } });

checkTester(lambdaInvokePermission, {
  valid: [
    { name: "the lab's statement (ArnLike …/*/*)", snapshot: complete, messageId: 'allowed' },
    { name: 'no condition at all', snapshot: withStatements({ ...labStatement(), Condition: {} }), messageId: 'allowed' },
    { name: 'ArnLike for exactly prod/GET/hello', snapshot: withSourceArn('ArnLike', `${API}/prod/GET/hello`), messageId: 'allowed' },
    { name: 'ArnEquals with a wildcard (evaluated like ArnLike)', snapshot: withSourceArn('ArnEquals', `${API}/prod/*/hello`), messageId: 'allowed' },
    { name: 'a ? wildcard in the API id', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p?/*'), messageId: 'allowed' },
    { name: 'a wildcard region and account', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:*:*:x7k2m9q4p1/*'), messageId: 'allowed' },
    { name: 'one of several source ARNs', snapshot: withSourceArn('ArnLike', [`${API.replace('x7k2m9q4p1', 'q5w8e2r6t1')}/*/*`, `${API}/*/GET/*`]), messageId: 'allowed' },
    { name: 'Action lambda:*', snapshot: withStatements({ ...labStatement(), Action: 'lambda:*' }), messageId: 'allowed' },
    { name: 'lower-case condition key', snapshot: withStatements({ ...labStatement(), Condition: { ArnLike: { 'aws:SourceArn': `${API}/*/*` } } }), messageId: 'allowed' },
  ],
  invalid: [
    { name: 'no resource policy', snapshot: mutate(complete, (s) => void (s.lambda.policy = absent('ResourceNotFoundException'))), messageId: 'noPolicy' },
    { name: 'a statement for S3 only', snapshot: withStatements({ ...labStatement(), Principal: { Service: 's3.amazonaws.com' } }), messageId: 'noApiGatewayStatement' },
    { name: 'a statement for another action', snapshot: withStatements({ ...labStatement(), Action: 'lambda:GetFunction' }), messageId: 'noApiGatewayStatement' },
    { name: 'another API', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:123456789012:q5w8e2r6t1/*/*'), messageId: 'otherSourceArn' },
    { name: 'another stage', snapshot: withSourceArn('ArnLike', `${API}/dev/GET/hello`), messageId: 'otherSourceArn' },
    { name: 'another account', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:210987654321:x7k2m9q4p1/*/*'), messageId: 'otherSourceArn' },
    { name: 'a * does not span the colon between ARN parts', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:*/prod/GET/hello'), messageId: 'otherSourceArn' },
    { name: 'GetPolicy denied', snapshot: mutate(complete, (s) => void (s.lambda.policy = denied('lambda:GetPolicy'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'policy not looked for', snapshot: mutate(complete, (s) => void (s.lambda.policy = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

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
    { name: 'GetResources denied', snapshot: resourcesDenied, status: 'ERROR', messageId: 'observationError' },
    { name: 'resources not looked for', snapshot: resourcesSkipped, status: 'ERROR', messageId: 'notObserved' },
  ],
});
