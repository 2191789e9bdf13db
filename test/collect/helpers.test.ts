// The collectors' small pure helpers: choosing among duplicates, pagination, ARNs, policy documents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseCandidate, type Candidate } from '../../src/collect/choose.js';
import { functionInvokedBy, isSameFunction, parseFunctionArn } from '../../src/collect/lambda-arn.js';
import { collectPages } from '../../src/collect/paginate.js';
import { parsePolicyDocument, parseTrustPolicy } from '../../src/collect/policy-document.js';

const same = <T>(item: T) => item;

test('one candidate: only-one, no note', () => {
  assert.deepEqual(chooseCandidate('user pools', 'P', [{ id: 'a', createdDate: null }], same), {
    chosen: { id: 'a', createdDate: null },
    choice: { candidates: ['a'], chosen: 'a', reason: 'only-one' },
    note: null,
  });
});

test('several: the preferred one wins over a newer one; without a preference the newest wins', () => {
  const candidates: [Candidate, ...Candidate[]] = [
    { id: 'old', createdDate: '2025-01-01T00:00:00.000Z' },
    { id: 'new', createdDate: '2025-03-01T00:00:00.000Z' },
    { id: 'undated', createdDate: null },
  ];
  const preferred = chooseCandidate('user pools', 'P', candidates, same, {
    ids: new Set(['old']),
    reason: 'referenced-by-authorizer',
    because: () => 'the one A uses',
  });
  assert.equal(preferred.choice.chosen, 'old');
  assert.equal(preferred.choice.reason, 'referenced-by-authorizer');
  assert.equal(preferred.note, '3 user pools are named P (old, new, undated): grading old, the one A uses.');
  const newest = chooseCandidate('user pools', 'P', candidates, same, { ids: new Set(['elsewhere']), reason: 'referenced-by-authorizer', because: () => '' });
  assert.equal(newest.choice.chosen, 'new');
  assert.equal(newest.choice.reason, 'newest');
  assert.match(newest.note ?? '', /grading new, the newest\.$/);
});

test('pages are followed until no token, and a repeated token stops the loop', async () => {
  const pages: Record<string, { items: number[]; next?: string }> = { start: { items: [1, 2], next: 'b' }, b: { items: [3], next: 'c' }, c: { items: [] } };
  const requested: (string | undefined)[] = [];
  const items = await collectPages(
    async (token: string | undefined) => {
      requested.push(token);
      return pages[token ?? 'start'] ?? { items: [] };
    },
    (page) => ({ items: page.items, next: page.next }),
  );
  assert.deepEqual(items, [1, 2, 3]);
  assert.deepEqual(requested, [undefined, 'b', 'c']);
  let calls = 0;
  const looping = await collectPages(async () => ++calls, () => ({ items: ['x'], next: 'same' }));
  assert.deepEqual(looping, ['x', 'x']);
});

test('integration URIs name the invoked function; qualifiers do not make it another function', () => {
  const arn = 'arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction';
  const invoked = functionInvokedBy(`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${arn}:prod/invocations`);
  assert.deepEqual(invoked, { arn: `${arn}:prod`, region: 'us-east-1', account: '123456789012', name: 'HelloWorldFunction', qualifier: 'prod' });
  const labFunction = parseFunctionArn(arn);
  assert.ok(invoked && labFunction && isSameFunction(invoked, labFunction));
  const other = parseFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:Other');
  assert.ok(other && labFunction && !isSameFunction(other, labFunction));
  assert.equal(parseFunctionArn(`${arn}:$LATEST`)?.qualifier, '$LATEST');
  assert.equal(functionInvokedBy('arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${stageVariables.fn}/invocations'), null);
  assert.equal(functionInvokedBy('https://example.com/backend'), null);
});

test('trust policies: URL-encoded as AWS sends them, or already decoded', () => {
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  assert.deepEqual(parseTrustPolicy(encodeURIComponent(JSON.stringify(document, null, 2))), document);
  assert.deepEqual(parseTrustPolicy(JSON.stringify(document)), document);
  // A single statement object is normalised to the array the snapshot promises.
  assert.deepEqual(parsePolicyDocument(JSON.stringify({ Statement: document.Statement[0] })), { Statement: document.Statement });
  assert.throws(() => parsePolicyDocument('{"Version":"2012-10-17"}'), /no Statement/);
});
