// fast-check arbitraries for snapshots, shaped like snapshot.schema.json: every Observed<T> in every state, every
// choice and probe state, HTTP exchanges with any status and body. Strings are drawn from the values a complete
// lab has (so checks get past their first test and deeper code runs), from hostile text, and from the keys every
// object inherits (__proto__, constructor), which a lookup by an account's name must not find.
import fc from 'fast-check';
import { completeSnapshot } from '../../fixtures/complete.js';
import { BUNDLED_LAB_SPEC } from '../../checks/lab/spec.js';
import type {
  ApiAuthorizer,
  ApiDeployment,
  StageDefinition,
  ApiIntegration,
  ApiMethod,
  ApiResource,
  AppClient,
  AuthOutcome,
  Choice,
  DecodedToken,
  HttpExchange,
  IamRole,
  LambdaFunction,
  NearMiss,
  ObservationError,
  Observed,
  PolicyDocument,
  PolicyStatement,
  ProbeName,
  Snapshot,
} from '../../src/snapshot/types.js';
import { deepJson, hostileString } from './hostile-strings.js';
import { fieldText, stringFields } from './string-fields.js';

const COMPLETE = completeSnapshot();

const stringsIn = (document: unknown): string[] => stringFields(document).map((field) => fieldText(document, field));

/** Strings that mean something to a check: every string of the complete lab and of the lab spec. */
const MEANINGFUL = [...new Set([...stringsIn(COMPLETE), ...stringsIn(BUNDLED_LAB_SPEC), 'ALLOW_USER_PASSWORD_AUTH', '*'])];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const text: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...MEANINGFUL), hostileString, fc.constantFrom(...PROTOTYPE_KEYS));
const textOrNull = fc.option(text, { nil: null });
const count = fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const countOrNull = fc.option(count, { nil: null });
const texts = fc.array(text, { maxLength: 4 });
const record = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> => fc.dictionary(text, value, { maxKeys: 4 });

const observationError: fc.Arbitrary<ObservationError> = fc.record({
  kind: fc.constantFrom('access-denied', 'throttled', 'timeout', 'network', 'credentials', 'other'),
  operation: text,
  code: text,
  message: text,
});

/** Observed<T> in each of its four states, or the complete lab's value `completeWeight` times as often as each. */
function observed<T>(value: fc.Arbitrary<T>, completeValue: Observed<T>, completeWeight: number): fc.Arbitrary<Observed<T>> {
  return fc.oneof(
    { arbitrary: fc.constant(completeValue), weight: completeWeight },
    { arbitrary: value.map((found): Observed<T> => ({ state: 'found', value: found })), weight: 2 },
    { arbitrary: text.map((detail): Observed<T> => ({ state: 'absent', detail })), weight: 1 },
    { arbitrary: observationError.map((error): Observed<T> => ({ state: 'error', error })), weight: 1 },
    { arbitrary: text.map((reason): Observed<T> => ({ state: 'skipped', reason })), weight: 1 },
  );
}

const choice: fc.Arbitrary<Choice | null> = fc.option(
  fc.record({
    candidates: texts,
    chosen: text,
    reason: fc.constantFrom('only-one', 'referenced-by-authorizer', 'referenced-by-integration', 'has-lab-stage', 'newest'),
  }),
  { nil: null },
);

const stringOrStrings = fc.oneof(text, texts);

const statement: fc.Arbitrary<PolicyStatement> = fc.record(
  {
    Sid: text,
    Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), text),
    Principal: fc.oneof(fc.constant('*'), fc.record({ Service: stringOrStrings }, { requiredKeys: [] }), fc.record({ AWS: stringOrStrings }), fc.jsonValue({ maxDepth: 3 })),
    Action: stringOrStrings,
    Resource: stringOrStrings,
    Condition: record(record(stringOrStrings)),
    NotAction: stringOrStrings,
  },
  { requiredKeys: ['Effect'] },
);

const policyDocument: fc.Arbitrary<PolicyDocument> = fc.record(
  { Version: text, Id: text, Statement: fc.array(statement, { maxLength: 3 }) },
  { requiredKeys: ['Statement'] },
);

const lambdaFunction: fc.Arbitrary<LambdaFunction> = fc.record({
  functionName: text,
  functionArn: text,
  runtime: textOrNull,
  handler: textOrNull,
  role: text,
  state: textOrNull,
  stateReason: textOrNull,
  lastUpdateStatus: textOrNull,
  lastModified: textOrNull,
  packageType: textOrNull,
  timeout: countOrNull,
  memorySize: countOrNull,
});

const integration: fc.Arbitrary<ApiIntegration> = fc.record({
  type: text,
  httpMethod: textOrNull,
  uri: textOrNull,
  passthroughBehavior: textOrNull,
  timeoutInMillis: countOrNull,
});

const method: fc.Arbitrary<ApiMethod> = fc.record({
  httpMethod: text,
  authorizationType: fc.oneof(fc.constantFrom('NONE', 'COGNITO_USER_POOLS', 'AWS_IAM', 'CUSTOM'), text),
  authorizerId: textOrNull,
  authorizationScopes: texts,
  apiKeyRequired: fc.boolean(),
  integration: fc.option(integration, { nil: null }),
});

const resource: fc.Arbitrary<ApiResource> = fc.record({
  id: text,
  parentId: textOrNull,
  path: text,
  pathPart: textOrNull,
  methods: record(method),
});

const authorizer: fc.Arbitrary<ApiAuthorizer> = fc.record({
  id: text,
  name: text,
  type: text,
  providerARNs: texts,
  identitySource: textOrNull,
  identityValidationExpression: textOrNull,
  authorizerResultTtlInSeconds: countOrNull,
});

const deployment: fc.Arbitrary<ApiDeployment> = fc.record({
  id: text,
  createdDate: textOrNull,
  description: textOrNull,
  apiSummary: fc.option(record(record(fc.record({ authorizationType: text, apiKeyRequired: fc.boolean() }))), { nil: null }),
});

const stageDefinition: fc.Arbitrary<StageDefinition> = fc.record({
  methods: record(record(fc.record({ authorizer: textOrNull, scopes: texts }))),
  authorizers: record(fc.record({ type: text, providerARNs: texts, identitySource: textOrNull })),
});

const decodedToken: fc.Arbitrary<DecodedToken> = fc.record({
  header: record(fc.jsonValue({ maxDepth: 2 })),
  claims: fc.oneof(record(fc.oneof(text, fc.jsonValue({ maxDepth: 3 }))), fc.constant(tokenClaims())),
});

function tokenClaims(): Record<string, unknown> {
  const { auth } = COMPLETE.probes;
  return auth.state === 'found' && auth.value.outcome === 'tokens' ? (auth.value.idToken?.claims ?? {}) : {};
}

const authOutcome: fc.Arbitrary<AuthOutcome> = fc.oneof(
  fc.record({
    outcome: fc.constant('tokens' as const),
    tokenType: textOrNull,
    expiresIn: countOrNull,
    idToken: fc.option(decodedToken, { nil: null }),
    accessToken: fc.option(decodedToken, { nil: null }),
  }),
  fc.record({ outcome: fc.constant('challenge' as const), challengeName: text }),
  fc.record({ outcome: fc.constant('refused' as const), code: text, message: text }),
);

const body = fc.oneof(
  text,
  fc.constantFrom('{"message":"Unauthorized"}', '{"message":"Missing Authentication Token"}', '{"message": "Hello from secured API!", "user": "Unknown"}'),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.record({ message: text, user: text }).map((value) => JSON.stringify(value)),
  // A learner's function may return anything, nested as deep as it likes: a check that parses it must cope.
  fc.integer({ min: 1, max: 12_000 }).map(deepJson),
);

const httpExchange: fc.Arbitrary<HttpExchange> = fc.record({
  url: text,
  method: text,
  status: fc.oneof({ arbitrary: fc.constantFrom(200, 401, 403, 500), weight: 3 }, { arbitrary: fc.integer({ min: 100, max: 599 }), weight: 1 }),
  headers: fc.dictionary(fc.oneof(fc.constantFrom('content-type', 'x-amzn-errortype', 'x-amzn-requestid'), fc.stringMatching(/^[a-z0-9-]{1,12}$/)), text, { maxKeys: 3 }),
  body,
  bodyTruncated: fc.boolean(),
  durationMs: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
});

/** A probe's answer: any exchange, or the complete lab's with another body (what a learner's function returns). */
function probeAnswer(name: ProbeName, completeWeight: number): fc.Arbitrary<Observed<HttpExchange>> {
  const complete = COMPLETE.probes.http[name];
  if (complete.state !== 'found') return observed(httpExchange, complete, completeWeight);
  const otherBody = body.map((replaced): Observed<HttpExchange> => ({ state: 'found', value: { ...complete.value, body: replaced } }));
  return fc.oneof(otherBody, observed(httpExchange, complete, completeWeight));
}

const appClient: fc.Arbitrary<AppClient> = fc.record({
  clientId: text,
  clientName: text,
  userPoolId: text,
  explicitAuthFlows: texts,
  hasSecret: fc.boolean(),
  preventUserExistenceErrors: textOrNull,
  idTokenValidity: countOrNull,
  accessTokenValidity: countOrNull,
});

const nearMisses: fc.Arbitrary<Observed<NearMiss[]>> = observed(fc.array(fc.record({ name: text, id: text }), { maxLength: 3 }), { state: 'found', value: [] }, 1);
const regions: fc.Arbitrary<string[]> = fc.array(text, { maxLength: 3 });

/** `base` with any of the `optional` members: snapshots from before they were recorded have none. */
function withOptional<T extends object, O extends object>(base: fc.Arbitrary<T>, optional: { [K in keyof O]: fc.Arbitrary<O[K]> }): fc.Arbitrary<T & Partial<O>> {
  return fc.tuple(base, fc.record(optional, { requiredKeys: [] })).map(([value, extra]) => ({ ...value, ...extra }));
}

const iamRole: fc.Arbitrary<IamRole> = fc.record({ roleName: text, arn: text, createDate: textOrNull, trustPolicy: policyDocument });

function snapshotWith(completeWeight: number): fc.Arbitrary<Snapshot> {
  return fc
    .record({
      takenAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString()),
      grader: fc.record({ name: fc.constant('lab-grader' as const), version: text }),
      lab: fc.record({ id: text, version: text }),
      target: fc.record({ region: text.filter((region) => region.length > 0), endpoint: textOrNull }),
      identity: observed(fc.record({ account: text, arn: text, userId: text }), COMPLETE.identity, completeWeight),
      cognito: withOptional(fc.record({
        pools: observed(fc.array(fc.record({ id: text, name: text, creationDate: textOrNull }), { maxLength: 3 }), COMPLETE.cognito.pools, completeWeight),
        poolChoice: choice,
        pool: observed(
          fc.record({ id: text, name: text, arn: text, creationDate: textOrNull, lastModifiedDate: textOrNull, estimatedNumberOfUsers: countOrNull }),
          COMPLETE.cognito.pool,
          completeWeight,
        ),
        clients: observed(fc.array(fc.record({ clientId: text, clientName: text }), { maxLength: 3 }), COMPLETE.cognito.clients, completeWeight),
        clientChoice: choice,
        client: observed(appClient, COMPLETE.cognito.client, completeWeight),
        user: observed(
          fc.record({
            username: text,
            enabled: fc.boolean(),
            userStatus: fc.oneof(fc.constantFrom('CONFIRMED', 'FORCE_CHANGE_PASSWORD'), text),
            createdDate: textOrNull,
            lastModifiedDate: textOrNull,
            attributes: record(text),
          }),
          COMPLETE.cognito.user,
          completeWeight,
        ),
      }), { poolNearMisses: nearMisses, poolInRegions: regions }),
      iam: withOptional(fc.record({
        roleName: text,
        roleSource: fc.constantFrom('function', 'lab-spec'),
        role: observed(iamRole, COMPLETE.iam.role, completeWeight),
        attachedPolicies: observed(fc.array(fc.record({ policyName: text, policyArn: text }), { maxLength: 3 }), COMPLETE.iam.attachedPolicies, completeWeight),
      }), { roleNearMisses: nearMisses }),
      lambda: withOptional(fc.record({
        function: observed(lambdaFunction, COMPLETE.lambda.function, completeWeight),
        policy: observed(policyDocument, COMPLETE.lambda.policy, completeWeight),
        integrationFunction: observed(lambdaFunction, COMPLETE.lambda.integrationFunction, completeWeight),
      }), { functionNearMisses: nearMisses, functionInRegions: regions }),
      apigateway: withOptional(fc.record({
        apis: observed(fc.array(fc.record({ id: text, name: text, createdDate: textOrNull }), { maxLength: 3 }), COMPLETE.apigateway.apis, completeWeight),
        apiChoice: choice,
        api: observed(fc.record({ id: text, name: text, createdDate: textOrNull, endpointTypes: texts }), COMPLETE.apigateway.api, completeWeight),
        resources: observed(fc.array(resource, { maxLength: 4 }), COMPLETE.apigateway.resources, completeWeight),
        authorizers: observed(fc.array(authorizer, { maxLength: 3 }), COMPLETE.apigateway.authorizers, completeWeight),
        stages: observed(
          fc.array(fc.record({ stageName: text, deploymentId: textOrNull, createdDate: textOrNull, lastUpdatedDate: textOrNull }), { maxLength: 3 }),
          COMPLETE.apigateway.stages,
          completeWeight,
        ),
        deployment: observed(deployment, COMPLETE.apigateway.deployment, completeWeight),
        stageDefinition: observed(stageDefinition, COMPLETE.apigateway.stageDefinition, completeWeight),
      }), { apiNearMisses: nearMisses, apiInRegions: regions }),
      probes: fc.record({
        state: fc.constantFrom('run', 'run', 'not-run'),
        reason: textOrNull,
        stageUrl: textOrNull,
        auth: observed(authOutcome, COMPLETE.probes.auth, completeWeight),
        http: fc.record({
          noToken: probeAnswer('noToken', completeWeight),
          bearerIdToken: probeAnswer('bearerIdToken', completeWeight),
          rawIdToken: probeAnswer('rawIdToken', completeWeight),
          accessToken: probeAnswer('accessToken', completeWeight),
          forgedToken: probeAnswer('forgedToken', completeWeight),
        }),
      }),
      notes: fc.array(text, { maxLength: 3 }),
    })
    .map((parts): Snapshot => ({ schemaVersion: 1, ...parts }));
}

/**
 * Any valid snapshot: what a collector could store, or what a saved file could hold. Half are wild; half are
 * the complete lab with a few changes, so that the checks at the end of the dependency chain run too.
 */
export const snapshotArbitrary: fc.Arbitrary<Snapshot> = fc.oneof(snapshotWith(2), snapshotWith(40));
