// resolveTarget: regions, flags, credential sources; and the role path end to end against a local STS.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { InputError } from '../../src/errors.js';
import { createGradingClients, destroyGradingClients } from '../../src/target/clients.js';
import { AWS_REGIONS, AWS_REGIONS_BY_PARTITION } from '../../src/target/regions.js';
import { resolveTarget, ROLE_SESSION_NAME, validateRegion } from '../../src/target/target.js';
import { setEnv } from './support/env.js';
import { callerIdentityXml, startLocalServer, type LocalServer } from './support/local-server.js';

test('the region list is well-formed and holds the lab region', () => {
  assert.equal(new Set(AWS_REGIONS).size, AWS_REGIONS.length);
  for (const region of AWS_REGIONS) assert.match(region, /^[a-z]{2,4}(-[a-z]+)+-\d$/);
  assert.ok(AWS_REGIONS_BY_PARTITION.aws.includes('us-east-1'));
  assert.ok(AWS_REGIONS.includes('cn-north-1') && AWS_REGIONS.includes('us-gov-west-1'));
});

test('validateRegion accepts every listed region and rejects others with a fix', () => {
  for (const region of AWS_REGIONS) validateRegion(region);
  assert.throws(() => validateRegion('us-est-1'), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /--region: "us-est-1" is not an AWS region\. Did you mean us-east-1\?/);
    assert.doesNotMatch(error.message, /AWS_REGION/, "the grader reads --region or the lab spec, not AWS_REGION");
    return true;
  });
  assert.throws(() => validateRegion('mars-north-9'), (error: unknown) => error instanceof InputError && !error.message.includes('Did you mean'));
});

test('malformed flags are InputErrors naming the flag', () => {
  const cases: [Parameters<typeof resolveTarget>[0], RegExp][] = [
    [{ region: 'nowhere-1' }, /^--region/],
    [{ region: 'us-east-1', endpointUrl: 'localhost:4566' }, /^--endpoint-url/],
    [{ region: 'us-east-1', endpointUrl: 'not a url' }, /^--endpoint-url/],
    [{ region: 'us-east-1', endpointUrl: 'http://user:pw@127.0.0.1:4566' }, /^--endpoint-url/],
    [{ region: 'us-east-1', roleArn: 'arn:aws:iam::123:role/x' }, /^--role-arn/],
    [{ region: 'us-east-1', roleArn: 'arn:aws:iam::123456789012:user/x' }, /^--role-arn/],
    [{ region: 'us-east-1', externalId: 'abc' }, /^--external-id is only used with --role-arn/],
    [{ region: 'us-east-1', roleArn: 'arn:aws:iam::123456789012:role/x', externalId: 'has space' }, /^--external-id/],
    [{ region: 'us-east-1', timeoutMs: 0 }, /^--timeout-ms/],
    [{ region: 'us-east-1', maxAttempts: 1.5 }, /^--max-attempts/],
    [{ region: 'us-east-1', profile: ' ' }, /^--profile/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => resolveTarget(options), (error: unknown) => error instanceof InputError && message.test(error.message), JSON.stringify(options));
  }
});

test('a target carries region, endpoint, timeouts, retries and where its credentials come from', () => {
  const target = resolveTarget({ region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:4566/', timeoutMs: 2000, maxAttempts: 2 });
  assert.equal(target.region, 'eu-west-1');
  assert.equal(target.endpoint, 'http://127.0.0.1:4566');
  assert.deepEqual(target.timeouts, { connectionMs: 2000, requestMs: 2000 });
  assert.deepEqual(target.retry, { maxAttempts: 2 });
  assert.deepEqual(target.credentialSource, { kind: 'default-chain' });
  assert.equal(resolveTarget({ region: 'us-east-1' }).endpoint, null);
  assert.deepEqual(resolveTarget({ region: 'us-east-1', profile: 'course' }).credentialSource, { kind: 'profile', profile: 'course' });
  assert.deepEqual(
    resolveTarget({ region: 'us-east-1', profile: 'course', roleArn: 'arn:aws:iam::123456789012:role/Grader', externalId: 'ext-1' }).credentialSource,
    { kind: 'role', roleArn: 'arn:aws:iam::123456789012:role/Grader', externalId: 'ext-1', base: { kind: 'profile', profile: 'course' } },
  );
});

// --role-arn: AssumeRole goes to the same endpoint, with the ExternalId, and the grading calls use its keys.
describe('a role target', () => {
  let sts: LocalServer;
  let restoreEnv: () => void;
  before(async () => {
    // The default chain's first source: the base credentials the role is assumed with.
    restoreEnv = setEnv({
      AWS_ACCESS_KEY_ID: 'AKIABASEEXAMPLE00000',
      AWS_SECRET_ACCESS_KEY: 'base-secret',
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
    });
    sts = await startLocalServer((_request, body, response) => {
      const xml = new URLSearchParams(body).get('Action') === 'AssumeRole' ? assumeRoleXml() : callerIdentityXml('210987654321');
      response.writeHead(200, { 'content-type': 'text/xml' }).end(xml);
      return true;
    });
  });
  after(async () => {
    restoreEnv();
    await sts.close();
  });

  test('assumes the role at the endpoint and signs with the role credentials', async () => {
    const target = resolveTarget({
      region: 'us-east-1',
      roleArn: 'arn:aws:iam::210987654321:role/LabGraderReadOnly',
      externalId: 'course-2025',
      endpointUrl: sts.endpoint,
      maxAttempts: 1,
    });
    const clients = createGradingClients(target);
    try {
      const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Account, '210987654321');
    } finally {
      destroyGradingClients(clients);
    }
    const [assume, call] = sts.requests;
    const assumeParams = new URLSearchParams(assume?.body);
    assert.equal(assumeParams.get('Action'), 'AssumeRole');
    assert.equal(assumeParams.get('RoleArn'), 'arn:aws:iam::210987654321:role/LabGraderReadOnly');
    assert.equal(assumeParams.get('ExternalId'), 'course-2025');
    assert.equal(assumeParams.get('RoleSessionName'), ROLE_SESSION_NAME);
    assert.match(String(assume?.headers.authorization), /Credential=AKIABASEEXAMPLE00000\//);
    assert.match(String(call?.headers.authorization), /Credential=ASIAROLEEXAMPLE00000\//);
  });
});

function assumeRoleXml(): string {
  return (
    '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>' +
    '<AccessKeyId>ASIAROLEEXAMPLE00000</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>' +
    '<SessionToken>role-session-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>' +
    '<AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/LabGraderReadOnly/lab-grader</Arn>' +
    '<AssumedRoleId>AROAEXAMPLE:lab-grader</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>' +
    '<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>'
  );
}
