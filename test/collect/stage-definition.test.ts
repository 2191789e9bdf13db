// Reading a stage's export: which authorizer each deployed method uses, and the authorizers as deployed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stageDefinitionOf } from '../../src/collect/stage-definition.js';

const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Abc';

/** An OpenAPI 3.0 export as API Gateway writes it with extensions=authorizers. */
const oas30 = {
  openapi: '3.0.1',
  paths: {
    '/hello': {
      get: { security: [{ CognitoAuthorizer: [] }] },
      post: { responses: {} },
      options: { responses: {} },
      'x-amazon-apigateway-any-method': { security: [{ CognitoAuthorizer: ['email'] }] },
    },
    '/iam': { get: { security: [{ sigv4: [] }] } },
  },
  components: {
    securitySchemes: {
      CognitoAuthorizer: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [POOL] },
      },
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    },
  },
};

test('each method names its authorizer and scopes; the identity source is the scheme header', () => {
  assert.deepEqual(stageDefinitionOf(JSON.stringify(oas30)), {
    methods: {
      '/hello': {
        GET: { authorizer: 'CognitoAuthorizer', scopes: [] },
        POST: { authorizer: null, scopes: [] },
        OPTIONS: { authorizer: null, scopes: [] },
        ANY: { authorizer: 'CognitoAuthorizer', scopes: ['email'] },
      },
      '/iam': { GET: { authorizer: null, scopes: [] } },
    },
    authorizers: { CognitoAuthorizer: { type: 'COGNITO_USER_POOLS', providerARNs: [POOL], identitySource: 'method.request.header.Authorization' } },
  });
});

test('an explicit identitySource in the extension wins; Swagger 2.0 securityDefinitions read alike', () => {
  const swagger = {
    swagger: '2.0',
    paths: { '/hello': { get: { security: [{ Custom: [] }] } } },
    securityDefinitions: {
      Custom: {
        type: 'apiKey',
        name: 'Unused',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': { type: 'request', identitySource: 'method.request.header.X-Token' },
      },
    },
  };
  assert.deepEqual(stageDefinitionOf(JSON.stringify(swagger)).authorizers, {
    Custom: { type: 'REQUEST', providerARNs: [], identitySource: 'method.request.header.X-Token' },
  });
});

test('an export without paths or schemes (as moto writes it) defines nothing', () => {
  assert.deepEqual(stageDefinitionOf(JSON.stringify({ openapi: '3.0.1', info: {} })), { methods: {}, authorizers: {} });
});
