// collectSnapshot against moto: an empty account, then the lab built (once) by the lab's own AWS CLI commands.
// Where moto answers differently from AWS, the assertion follows moto and a comment names the difference
// (AWS's side: shared/reference/AWS-FACTS.md).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CallEvent } from '../../src/collect/index.js';
import { collectSnapshot } from '../../src/pipeline/take-snapshot.js';
import type { Observed, Snapshot } from '../../src/snapshot/types.js';
import { validateSnapshot } from '../../src/snapshot/validate.js';
import { createGradingClients, destroyGradingClients, type GradingClients } from '../../src/target/clients.js';
import { lab, testTarget } from './support/grading.js';
import { addSecondPool, buildLab, MOTO_ACCOUNT, motoUnavailable, startMoto, type LabIds, type Moto } from './support/moto.js';
import { labBundle } from '../../checks/index.js';

const unavailable = motoUnavailable();

function found<T>(observed: Observed<T>): T {
  assert.equal(observed.state, 'found', `expected found, got ${JSON.stringify(observed)}`);
  return (observed as { state: 'found'; value: T }).value;
}

describe('collectSnapshot against moto', { skip: unavailable ?? false }, () => {
  let moto: Moto;
  let clients: GradingClients;
  let target: ReturnType<typeof testTarget>;

  before(async () => {
    moto = await startMoto();
    target = testTarget({ endpointUrl: moto.endpoint });
    clients = createGradingClients(target);
  });
  after(async () => {
    destroyGradingClients(clients);
    await moto.stop();
  });

  test('an empty account: every piece absent or skipped, nothing thrown', async () => {
    const snapshot = await collectSnapshot(clients, target, lab, labBundle);

    assert.equal(snapshot.identity.state, 'found');
    for (const observed of [snapshot.cognito.pools, snapshot.cognito.pool, snapshot.apigateway.apis, snapshot.apigateway.api]) {
      assert.equal(observed.state, 'absent');
    }
    assert.equal(snapshot.cognito.poolChoice, null);
    assert.equal(snapshot.apigateway.apiChoice, null);
    for (const observed of [snapshot.lambda.function, snapshot.lambda.policy, snapshot.iam.role, snapshot.iam.attachedPolicies]) {
      assert.equal(observed.state, 'absent');
    }
    // IAM: with no function to follow, the lab's role name is looked up.
    assert.equal(snapshot.iam.roleSource, 'lab-spec');
    assert.equal(snapshot.iam.roleName, lab.names.role);
    for (const observed of [
      snapshot.cognito.clients,
      snapshot.cognito.client,
      snapshot.cognito.user,
      snapshot.apigateway.resources,
      snapshot.apigateway.authorizers,
      snapshot.apigateway.stages,
      snapshot.apigateway.deployment,
      snapshot.lambda.integrationFunction,
    ]) {
      assert.equal(observed.state, 'skipped');
    }
    assert.deepEqual(snapshot.notes, []);
    assertValid(snapshot);
  });

  // Built once (the lab's CLI commands are most of this file's time): the tests read it in order, the last adds to it.
  describe('the lab built by its own commands', () => {
    let ids: LabIds;
    before(async () => {
      ids = await buildLab(moto.endpoint);
    });

    test('the lab built by its own commands is observed whole, each call made once', async () => {
      const calls: string[] = [];
      const onCall = (event: CallEvent) => {
        if (event.phase === 'start') calls.push(event.operation);
      };
      const snapshot = await collectSnapshot(clients, target, lab, labBundle, { onCall, now: () => new Date('2025-01-02T03:04:05Z') });

      assert.equal(snapshot.takenAt, '2025-01-02T03:04:05.000Z');
      assert.deepEqual(snapshot.target, { region: 'us-east-1', endpoint: moto.endpoint });
      assert.deepEqual(snapshot.lab, { id: lab.id, version: lab.version });
      assert.equal(found(snapshot.identity).account, MOTO_ACCOUNT);
      assert.deepEqual(snapshot.notes, []);

      // Cognito
      const pool = found(snapshot.cognito.pool);
      assert.equal(pool.id, ids['USER_POOL_ID']);
      assert.equal(pool.name, 'MyAPIUserPool');
      assert.equal(pool.arn, `arn:aws:cognito-idp:us-east-1:${MOTO_ACCOUNT}:userpool/${ids['USER_POOL_ID']}`);
      assert.deepEqual(snapshot.cognito.poolChoice, { candidates: [ids['USER_POOL_ID']], chosen: ids['USER_POOL_ID'], reason: 'only-one' });
      const client = found(snapshot.cognito.client);
      assert.equal(client.clientId, ids['CLIENT_ID']);
      // Legacy flow names are echoed back unchanged, as AWS does.
      assert.deepEqual(client.explicitAuthFlows, ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);
      assert.equal(client.hasSecret, false);
      // moto omits PreventUserExistenceErrors and the token validities; AWS returns them (LEGACY, 60, 60 by default).
      assert.equal(client.preventUserExistenceErrors, null);
      const user = found(snapshot.cognito.user);
      assert.equal(user.username, 'testuser');
      assert.equal(user.userStatus, 'CONFIRMED');
      assert.equal(user.enabled, true);

      // IAM: the role the function runs as, its trust policy decoded from GetRole's URL-encoded document.
      assert.equal(snapshot.iam.roleSource, 'function');
      assert.equal(snapshot.iam.roleName, 'lambda-execution-role');
      const role = found(snapshot.iam.role);
      assert.equal(role.arn, ids['LAMBDA_ROLE_ARN']);
      assert.deepEqual(role.trustPolicy, {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      assert.deepEqual(found(snapshot.iam.attachedPolicies), [
        { policyName: 'AWSLambdaBasicExecutionRole', policyArn: lab.expected.basicExecutionPolicyArn },
      ]);

      // Lambda
      const fn = found(snapshot.lambda.function);
      assert.equal(fn.functionArn, ids['LAMBDA_ARN']);
      assert.equal(fn.runtime, 'python3.9');
      assert.equal(fn.handler, 'lambda_function.lambda_handler');
      assert.equal(fn.role, ids['LAMBDA_ROLE_ARN']);
      // moto creates functions Active at once; AWS goes Pending -> Active.
      assert.equal(fn.state, 'Active');
      const statement = found(snapshot.lambda.policy).Statement.find((candidate) => candidate.Sid === 'apigateway-invoke');
      assert.deepEqual(statement, {
        Sid: 'apigateway-invoke',
        Effect: 'Allow',
        Principal: { Service: 'apigateway.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: ids['LAMBDA_ARN'],
        Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:us-east-1:${MOTO_ACCOUNT}:${ids['API_ID']}/*/*` } },
      });
      assert.equal(snapshot.lambda.integrationFunction.state, 'skipped');

      // API Gateway
      assert.equal(found(snapshot.apigateway.api).id, ids['API_ID']);
      const hello = found(snapshot.apigateway.resources).find((resource) => resource.path === '/hello');
      assert.equal(hello?.id, ids['RESOURCE_ID']);
      const get = hello?.methods['GET'];
      assert.equal(get?.authorizationType, 'COGNITO_USER_POOLS');
      assert.equal(get?.authorizerId, ids['AUTHORIZER_ID']);
      assert.equal(get?.integration?.type, 'AWS_PROXY');
      assert.equal(get?.integration?.httpMethod, 'POST');
      assert.equal(get?.integration?.uri, `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${ids['LAMBDA_ARN']}/invocations`);
      // moto omits passthroughBehavior and timeoutInMillis; AWS returns WHEN_NO_MATCH and 29000.
      assert.equal(get?.integration?.timeoutInMillis, null);
      const [authorizer, ...otherAuthorizers] = found(snapshot.apigateway.authorizers);
      assert.deepEqual(otherAuthorizers, []);
      assert.equal(authorizer?.id, ids['AUTHORIZER_ID']);
      assert.equal(authorizer?.name, 'CognitoAuthorizer');
      assert.deepEqual(authorizer?.providerARNs, [pool.arn]);
      assert.equal(authorizer?.identitySource, 'method.request.header.Authorization');
      const [stage, ...otherStages] = found(snapshot.apigateway.stages);
      assert.deepEqual(otherStages, []);
      assert.equal(stage?.stageName, 'prod');
      // moto's stages have no createdDate / lastUpdatedDate; AWS's do.
      assert.equal(stage?.createdDate, null);
      const deployment = found(snapshot.apigateway.deployment);
      assert.equal(deployment.id, stage?.deploymentId);
      // moto ignores embed=apisummary; AWS returns apiSummary["/hello"]["GET"].
      assert.equal(deployment.apiSummary, null);
      // moto's stage export has no paths; AWS's has /hello's GET with its security and the authorizer's scheme.
      assert.deepEqual(found(snapshot.apigateway.stageDefinition), { methods: {}, authorizers: {} });

      assert.equal(snapshot.probes.state, 'not-run');
      assert.equal(snapshot.probes.http.noToken.state, 'skipped');

      assert.deepEqual([...calls].sort(), [
        'apigateway:GetAuthorizers',
        'apigateway:GetDeployment',
        'apigateway:GetExport',
        'apigateway:GetResources',
        'apigateway:GetRestApis',
        'apigateway:GetStages',
        'cognito-idp:AdminGetUser',
        'cognito-idp:DescribeUserPool',
        'cognito-idp:DescribeUserPoolClient',
        'cognito-idp:ListUserPoolClients',
        'cognito-idp:ListUserPools',
        'iam:GetRole',
        'iam:ListAttachedRolePolicies',
        'lambda:GetFunction',
        'lambda:GetPolicy',
        'sts:GetCallerIdentity',
      ]);
      assertValid(snapshot);
    });

    test('a pool created twice: the one the authorizer uses is graded, with a note', async () => {
      const first = ids['USER_POOL_ID'] ?? '';
      const second = await addSecondPool(moto.endpoint);
      const snapshot = await collectSnapshot(clients, target, lab, labBundle);

      assert.deepEqual(found(snapshot.cognito.pools).map((pool) => pool.id).sort(), [first, second].sort());
      assert.equal(snapshot.cognito.poolChoice?.chosen, first);
      assert.equal(snapshot.cognito.poolChoice?.reason, 'referenced-by-authorizer');
      assert.equal(found(snapshot.cognito.pool).id, first);
      assert.equal(found(snapshot.cognito.user).userStatus, 'CONFIRMED');
      assert.equal(snapshot.notes.length, 1);
      assert.match(snapshot.notes[0] ?? '', new RegExp(`^2 user pools are named MyAPIUserPool \\(.*\\): grading ${first}, the one CognitoAuthorizer uses\\.$`));
      assertValid(snapshot);
    });
  });
});

/** The snapshot, as saved to JSON, satisfies the snapshot schema. */
function assertValid(snapshot: Snapshot): void {
  assert.doesNotThrow(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'the moto snapshot'));
}
