import type { Check } from '../src/engine/types.js';
import { methodUnderTest, resourceAt } from './support/api.js';
import { labAuthorizers } from './support/authorizer.js';
import { listed, shown } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { buildMethod, PUT_INTEGRATION, PUT_METHOD, REDEPLOY_CLI, USE_AUTHORIZER_CLI } from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

const DELETE_ANY_METHOD =
  'aws apigateway delete-method --rest-api-id {{apiId}} --resource-id {{resourceId}} --http-method ANY --region {{region}}';

/** update-method takes scopes one at a time (add/remove), so the patch removes each scope the method has. */
const REMOVE_SCOPES =
  'aws apigateway update-method --rest-api-id {{apiId}} --resource-id {{resourceId}} --http-method {{names.httpMethod}} ' +
  '--patch-operations {{removeScopes}} --region {{region}}';

/** The patch operations that remove `scopes`: shorthand for one, JSON (one shell word) for several. */
function removeScopesPatch(scopes: readonly string[]): string {
  const [only, ...others] = scopes;
  // The shorthand separates fields with commas; JSON takes any scope.
  if (only !== undefined && others.length === 0 && !only.includes(',')) return `op=remove,path=/authorizationScopes,value=${only}`;
  return JSON.stringify(scopes.map((scope) => ({ op: 'remove', path: '/authorizationScopes', value: scope })));
}

const check: Check = {
  meta: {
    id: 'hello-get-authorized',
    step: 9,
    title: 'GET /hello requires the Cognito authorizer',
    dependsOn: ['hello-resource', 'cognito-authorizer'],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      authorized: '{{names.httpMethod}} {{names.resourcePath}} requires a token checked by the authorizer {{authorizerId}}.',
      noMethod: 'The resource {{names.resourcePath}} has no {{names.httpMethod}} method (its methods: {{methods}}).',
      authorizationNone: '{{names.httpMethod}} {{names.resourcePath}} has authorization type NONE, so anyone can call it without a token.',
      otherType: '{{names.httpMethod}} {{names.resourcePath}} has authorization type {{authorizationType}}, not COGNITO_USER_POOLS.',
      otherAuthorizer: '{{names.httpMethod}} {{names.resourcePath}} uses the authorizer {{methodAuthorizerId}}, not the Cognito authorizer ({{labAuthorizerIds}}).',
      anyMethod: 'ANY {{names.resourcePath}} answers every HTTP method; the lab asks for {{names.httpMethod}} {{names.resourcePath}} alone.',
      authorizationScopes:
        '{{names.httpMethod}} {{names.resourcePath}} requires the OAuth scopes {{scopes}}: API Gateway then accepts only access tokens that carry them, ' +
        'so the ID token the lab sends is refused.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Make the method use the Cognito authorizer, then deploy again (Activity 10) so that the prod stage serves the change.',
      commands: [USE_AUTHORIZER_CLI],
      afterAll: REDEPLOY_CLI,
      byMessage: {
        noMethod: { text: 'Create the method with the Cognito authorizer and its Lambda proxy integration as in Activity 9, then deploy again.', ...buildMethod(null) },
        anyMethod: {
          text:
            'Create {{names.httpMethod}} {{names.resourcePath}} with the Cognito authorizer and the Lambda proxy integration as in Activity 9, ' +
            'delete the ANY method, then deploy again (Activity 10).',
          commands: [PUT_METHOD, PUT_INTEGRATION, DELETE_ANY_METHOD],
          afterAll: REDEPLOY_CLI,
        },
        authorizationScopes: {
          text: 'Remove the OAuth scopes from the method (the lab sets none, so the ID token is accepted), then deploy again (Activity 10).',
          commands: [REMOVE_SCOPES],
          afterAll: REDEPLOY_CLI,
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-enable-cognito-user-pool.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot, lab) {
    const { resources, authorizers } = snapshot.apigateway;
    const pool = snapshot.cognito.pool;
    if (resources.state !== 'found') return unobserved(resources, 'the API resources');
    if (pool.state !== 'found') return unobserved(pool, 'the user pool');
    if (authorizers.state !== 'found') return unobserved(authorizers, "the API's authorizers");
    const method = methodUnderTest(resources.value, lab);
    if (!method) {
      const methods = Object.keys(resourceAt(resources.value, lab.names.resourcePath)?.methods ?? {});
      return failed('noMethod', { methods: listed(methods) });
    }
    const { httpMethod, authorizationType, authorizerId, authorizationScopes } = method;
    const evidence = { httpMethod, authorizationType, authorizerId, authorizationScopes };
    // ANY serves the lab's call, but it is not the method the lab makes: its fix makes GET and removes ANY.
    if (httpMethod === 'ANY') return failed('anyMethod', {}, evidence);
    if (authorizationType === 'NONE') return failed('authorizationNone', {}, evidence);
    if (authorizationType !== 'COGNITO_USER_POOLS') return failed('otherType', { authorizationType }, evidence);
    const accepted = labAuthorizers(authorizers.value, pool.value.arn, lab).map((authorizer) => authorizer.id);
    if (authorizerId === null || !accepted.includes(authorizerId)) {
      return failed('otherAuthorizer', { methodAuthorizerId: shown(authorizerId), labAuthorizerIds: listed(accepted) }, evidence);
    }
    if (authorizationScopes.length > 0) {
      return failed('authorizationScopes', { scopes: listed(authorizationScopes), removeScopes: removeScopesPatch(authorizationScopes) }, evidence);
    }
    return passed('authorized', { authorizerId }, evidence);
  },
};

export default check;
