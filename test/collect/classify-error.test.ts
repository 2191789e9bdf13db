import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyError } from '../../src/observation/classify-error.js';
import { sanitizeMessage } from '../../src/observation/sanitize.js';

const serviceError = (name: string, message = 'm', httpStatusCode = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
const socketError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

test('each failure maps to absent or the kind of error that kept the grader from seeing', () => {
  const cases: [unknown, string][] = [
    [serviceError('NotFoundException', 'Invalid REST API identifier specified', 404), 'absent'],
    [serviceError('ResourceNotFoundException', 'Function not found', 404), 'absent'],
    [serviceError('NoSuchEntityException', 'Role x not found', 404), 'absent'],
    [serviceError('UserNotFoundException', 'User does not exist.'), 'absent'],
    [serviceError('AccessDeniedException', 'no', 403), 'access-denied'],
    [serviceError('AccessDenied', 'no', 403), 'access-denied'],
    [serviceError('UnauthorizedOperation'), 'access-denied'],
    [serviceError('SomeException', 'User: arn:aws:iam::1:user/x is not authorized to perform: iam:GetRole'), 'access-denied'],
    [serviceError('TooManyRequestsException', 'slow down', 429), 'throttled'],
    [serviceError('Throttling', 'Rate exceeded'), 'throttled'],
    [serviceError('LimitExceededException', 'Too Many Requests', 429), 'throttled'],
    [serviceError('ExpiredToken', 'expired', 403), 'credentials'],
    [serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403), 'credentials'],
    [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'credentials'],
    [Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }), 'timeout'],
    [socketError('ECONNREFUSED'), 'network'],
    [socketError('ENOTFOUND'), 'network'],
    [Object.assign(new AggregateError([socketError('ECONNREFUSED')], ''), { code: 'ECONNREFUSED' }), 'network'],
    [serviceError('InternalErrorException', 'boom', 500), 'other'],
    ['a string thrown', 'other'],
  ];
  for (const [error, kind] of cases) assert.equal(classifyError(error).kind, kind, JSON.stringify(error) ?? String(error));
});

test('the code is the AWS error code, or the socket errno', () => {
  assert.equal(classifyError(serviceError('AccessDeniedException')).code, 'AccessDeniedException');
  assert.equal(classifyError(socketError('ECONNRESET')).code, 'ECONNRESET');
  assert.equal(classifyError(42).code, 'UnknownError');
});

test('messages lose keys, signatures, tokens and the canonical request', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  const message = sanitizeMessage(
    'Bad: Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/sts/aws4_request, Signature=' + 'f'.repeat(64) +
      ` ASIAQWERTYUIOPASDFGH token ${jwt} secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` +
      '\n\nThe Canonical String for this request should have been POST / ...',
  );
  for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'ffffffff', 'ASIAQWERTYUIOPASDFGH', jwt, 'wJalrXUtnFEMI', 'Canonical']) {
    assert.ok(!message.includes(secret), `${secret} in ${message}`);
  }
  assert.match(message, /^Bad: \[redacted\]/);
  assert.equal(sanitizeMessage('Function not found: arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction'),
    'Function not found: arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction');
  assert.ok(sanitizeMessage('x '.repeat(500)).length <= 300);
});
