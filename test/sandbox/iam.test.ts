import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  IAMClient,
  CreateRoleCommand,
  GetRoleCommand,
  ListRolesCommand,
  DeleteRoleCommand,
  UpdateAssumeRolePolicyCommand,
  AttachRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  GetPolicyCommand,
} from '@aws-sdk/client-iam';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, clientConfig, failure, lambdaTrustPolicy, sandboxOn } from './helpers.js';

const BASIC = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

describe('iam', () => {
  let sandbox: RunningSandbox;
  let iam: IAMClient;

  before(async () => {
    sandbox = await sandboxOn();
    iam = new IAMClient(clientConfig(sandbox));
  });
  after(() => sandbox.stop());

  test('CreateRole and GetRole; the trust policy comes back URL-encoded as in AWS', async () => {
    const document = lambdaTrustPolicy();
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-execution-role', AssumeRolePolicyDocument: document }));
    assert.equal(created.Role?.Arn, `arn:aws:iam::${ACCOUNT_A}:role/lambda-execution-role`);
    assert.match(created.Role!.RoleId!, /^AROA[A-Z0-9]{17}$/);
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'lambda-execution-role' }))).Role!;
    assert.equal(role.AssumeRolePolicyDocument, encodeURIComponent(document));
    assert.deepEqual(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)), JSON.parse(document));
    assert.equal(role.MaxSessionDuration, 3600);
    assert.ok(role.CreateDate instanceof Date);
  });

  test('a role named as a property every object inherits is still missing until created', async () => {
    const error = await failure(iam.send(new GetRoleCommand({ RoleName: 'constructor' })));
    assert.deepEqual(error, { name: 'NoSuchEntityException', message: 'The role with name constructor cannot be found.', status: 404 });
  });

  test('a missing role is NoSuchEntity 404 with AWS message', async () => {
    const error = await failure(iam.send(new GetRoleCommand({ RoleName: 'nope' })));
    assert.deepEqual(error, { name: 'NoSuchEntityException', message: 'The role with name nope cannot be found.', status: 404 });
  });

  test('a second role with the same name (any case) is EntityAlreadyExists 409', async () => {
    const error = await failure(iam.send(new CreateRoleCommand({ RoleName: 'LAMBDA-execution-role', AssumeRolePolicyDocument: lambdaTrustPolicy() })));
    assert.equal(error.name, 'EntityAlreadyExistsException');
    assert.equal(error.status, 409);
  });

  test('a malformed trust policy is MalformedPolicyDocument 400', async () => {
    for (const document of ['{not json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] })]) {
      const error = await failure(iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: document })));
      assert.equal(error.name, 'MalformedPolicyDocumentException');
      assert.equal(error.status, 400);
    }
  });

  test('an invalid role name is ValidationError', async () => {
    const error = await failure(iam.send(new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: lambdaTrustPolicy() })));
    assert.equal(error.name, 'ValidationError');
    assert.match(error.message, /at 'roleName' failed to satisfy constraint/);
  });

  test('AttachRolePolicy with the lab policy, paging ListAttachedRolePolicies', async () => {
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-execution-role', PolicyArn: BASIC }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-execution-role', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const first = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lambda-execution-role', MaxItems: 1 }));
    assert.deepEqual(first.AttachedPolicies, [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: BASIC }]);
    assert.equal(first.IsTruncated, true);
    const second = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lambda-execution-role', Marker: first.Marker }));
    assert.deepEqual(second.AttachedPolicies?.map((p) => p.PolicyName), ['ReadOnlyAccess']);
    assert.equal(second.IsTruncated, false);
  });

  test('attaching a policy that does not exist (the lab policy without service-role/) is NoSuchEntity', async () => {
    const error = await failure(iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-execution-role', PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole' })));
    assert.equal(error.name, 'NoSuchEntityException');
    assert.equal(error.status, 404);
  });

  test('GetPolicy describes an AWS managed policy and counts attachments', async () => {
    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: BASIC }))).Policy!;
    assert.equal(policy.PolicyName, 'AWSLambdaBasicExecutionRole');
    assert.equal(policy.Path, '/service-role/');
    assert.equal(policy.AttachmentCount, 1);
    assert.equal(policy.IsAttachable, true);
  });

  test('DeleteRole conflicts while policies are attached, then succeeds', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'temp', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'temp', PolicyArn: BASIC }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'temp', PolicyName: 'inline', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) }));
    assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'temp' }))).PolicyNames, ['inline']);
    const conflict = await failure(iam.send(new DeleteRoleCommand({ RoleName: 'temp' })));
    assert.deepEqual(conflict, { name: 'DeleteConflictException', message: 'Cannot delete entity, must detach all policies first.', status: 409 });
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'temp', PolicyArn: BASIC }));
    assert.equal((await failure(iam.send(new DeleteRoleCommand({ RoleName: 'temp' })))).name, 'DeleteConflictException');
  });

  test('UpdateAssumeRolePolicy replaces the trust policy; ListRoles lists roles', async () => {
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT_A }, Action: 'sts:AssumeRole' }] });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'lambda-execution-role', PolicyDocument: document }));
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'lambda-execution-role' }))).Role!;
    assert.equal(decodeURIComponent(role.AssumeRolePolicyDocument!), document);
    const roles = await iam.send(new ListRolesCommand({}));
    assert.deepEqual(roles.Roles?.map((r) => r.RoleName), ['lambda-execution-role', 'temp']);
  });
});
