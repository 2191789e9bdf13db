// Arbitraries of malformed HTTP requests for the sandbox, as raw bytes: odd methods, paths into every service
// and the API data plane, bad or huge headers, invalid X-Amz-Target, truncated or binary bodies, Content-Length
// that lies, broken chunked encoding, requests cut short, and plain binary garbage.
import fc from 'fast-check';

// Mostly methods the HTTP parser accepts, so that most requests reach the sandbox's own handling.
const METHODS = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,12}$/) },
);

const SERVICE_PATHS = [
  '/',
  '/restapis',
  '/restapis/abc123/resources',
  '/restapis/abc123/stages/prod',
  '/2015-03-31/functions/HelloWorldFunction',
  '/2015-03-31/functions/HelloWorldFunction/policy',
  '/_aws/execute-api/abc123/prod/hello',
  '/_aws/execute-api/',
  '/us-east-1_AbCdEf/.well-known/jwks.json',
  '/_sandbox/lambda-code/1/us-east-1/x.zip',
];
const PATHS = fc.tuple(fc.constantFrom(...SERVICE_PATHS), fc.stringMatching(/^[\w\/%.~!$&'()*+,;=:@?-]{0,40}$/)).map(([base, tail]) => `${base}${tail}`);

const TARGETS = fc.oneof(
  fc.constant('AWSCognitoIdentityProviderService.ListUserPools'),
  fc.constant('AWSCognitoIdentityProviderService.InitiateAuth'),
  fc.stringMatching(/^AWSCognitoIdentityProviderService\.\w{0,20}$/),
  fc.stringMatching(/^[\x21-\x7e]{0,40}$/),
);

const AUTHORIZATIONS = fc.oneof(
  fc.constant('AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00'),
  fc.stringMatching(/^AWS4-HMAC-SHA256 Credential=[\x21-\x7e]{0,30}\/\d{8}\/[a-z0-9-]{0,12}\/[a-z-]{0,12}\/aws4_request$/),
  fc.stringMatching(/^Bearer [\w.-]{0,80}$/),
  fc.stringMatching(/^eyJ[\w-]{0,20}\.eyJ[\w-]{0,20}\.[\w-]{0,20}$/),
);

const HEADERS = fc
  .record(
    {
      'x-amz-target': TARGETS,
      'content-type': fc.constantFrom('application/x-amz-json-1.1', 'application/json', 'application/x-www-form-urlencoded', 'text/xml', 'multipart/form-data; boundary=x'),
      authorization: AUTHORIZATIONS,
      // Past Node's 16 KB of headers one time in four.
      'x-huge': fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 100, max: 8_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 16_000, max: 40_000 }) }).map((size) => 'h'.repeat(size)),
      'x-amz-date': fc.stringMatching(/^[\dTZ]{0,20}$/),
    },
    { requiredKeys: [] },
  )
  .map((headers) => Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join(''));

const JSON_DOCUMENTS = fc.oneof(
  fc.constant('{"MaxResults": 10}'),
  fc.constant('{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"x","AuthParameters":{"USERNAME":"testuser","PASSWORD":"p"}}'),
  fc.json(),
);
const BODIES = fc.oneof(
  JSON_DOCUMENTS,
  JSON_DOCUMENTS.chain((json) => fc.nat(json.length).map((cut) => json.slice(0, cut))),
  fc.stringMatching(/^Action=\w{0,20}&Version=[\d-]{0,10}$/),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constant('5\r\nhello\r\nzz\r\n'),
);

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** How the body is delimited: mostly right (the body's content is what is wrong), sometimes not. */
type Framing = 'exact' | 'none' | 'lies' | 'chunked' | 'broken-chunked';
const FRAMINGS: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('exact' as const) },
  { weight: 1, arbitrary: fc.constantFrom<Framing>('none', 'lies', 'chunked', 'broken-chunked') },
);

function framed(body: string, framing: Framing, lie: number): { headers: string; body: string } {
  const length = Buffer.byteLength(body, 'latin1');
  switch (framing) {
    case 'exact':
      return { headers: `content-length: ${length}\r\n`, body };
    case 'none':
      return { headers: '', body };
    case 'lies':
      return { headers: `content-length: ${lie}\r\n`, body };
    case 'chunked':
      return { headers: 'transfer-encoding: chunked\r\n', body: `${length.toString(16)}\r\n${body}\r\n0\r\n\r\n` };
    case 'broken-chunked':
      return { headers: 'transfer-encoding: chunked\r\n', body: `${(length + lie).toString(16)}\r\n${body}\r\nzz\r\n` };
  }
}

/** A request with a line, headers and a body, each possibly wrong; sometimes cut short at a random byte. */
const MALFORMED_REQUEST = fc
  .record({
    method: METHODS,
    path: PATHS,
    headers: HEADERS,
    body: BODIES,
    framing: FRAMINGS,
    lie: fc.nat(100_000),
    cutAt: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat() }),
  })
  .map(({ method, path, headers, body, framing, lie, cutAt }) => {
    const payload = framed(body, framing, lie);
    const bytes = latin1(`${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers}${payload.headers}\r\n${payload.body}`);
    return cutAt === undefined ? bytes : bytes.subarray(0, cutAt % (bytes.length + 1));
  });

export const MALFORMED_BYTES: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: MALFORMED_REQUEST },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4_000 }) },
);
