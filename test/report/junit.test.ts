import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { GradeResult } from '../../src/engine/types.js';
import { renderJunit } from '../../src/report/junit.js';
import { fullMarks, HOSTILE, hostile, mixed, PASSWORD_AUTH_FIX } from './sample-results.js';

interface Property { '@_name': string; '@_value': string }
interface Outcome { '@_message'?: string; '@_type'?: string; '#text'?: string }
interface TestCase {
  '@_classname': string;
  '@_name': string;
  '@_time': string;
  properties?: unknown;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  '@_time': string;
  properties: { property: Property[] };
  testcase: TestCase[];
  'system-out'?: string;
}

// Characters XML 1.0 does not allow anywhere in a document.
const INVALID_XML_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function parse(result: GradeResult): Suite {
  const xml = renderJunit(result);
  assert.equal(XMLValidator.validate(xml, { allowBooleanAttributes: false }), true);
  assert.doesNotMatch(xml, INVALID_XML_CHAR);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    cdataPropName: false,
    processEntities: true,
    isArray: (name) => name === 'testcase' || name === 'property',
  });
  const doc = parser.parse(xml, true) as { testsuites: { testsuite: Suite } };
  return doc.testsuites.testsuite;
}

const props = (holder: { properties: { property: Property[] } }): Record<string, string> =>
  Object.fromEntries(holder.properties.property.map((property) => [property['@_name'], property['@_value']]));

const caseOf = (suite: Suite, id: string): TestCase => {
  const found = suite.testcase.find((testCase) => testCase['@_name'].startsWith(`${id}: `));
  assert.ok(found, `testcase ${id}`);
  return found;
};

test('one testsuite for the lab, with the score, completeness, source, account and region as properties', () => {
  const suite = parse(mixed);
  assert.equal(suite['@_name'], mixed.lab.title);
  assert.deepEqual(props(suite), {
    score: '63',
    maxScore: '100',
    completeness: 'incomplete',
    source: 'snapshot',
    account: '123456789012',
    region: 'us-east-1',
  });
});

test('the counts match the result: FAIL as failures, ERROR as errors, BLOCKED as skipped', () => {
  for (const result of [fullMarks, mixed, hostile]) {
    const suite = parse(result);
    assert.equal(suite['@_tests'], String(result.checks.length));
    assert.equal(suite['@_failures'], String(result.counts.FAIL));
    assert.equal(suite['@_errors'], String(result.counts.ERROR));
    assert.equal(suite['@_skipped'], String(result.counts.BLOCKED));
    assert.equal(suite.testcase.length, result.checks.length);
    assert.equal(suite.testcase.filter((testCase) => 'skipped' in testCase).length, result.counts.BLOCKED);
  }
});

test('one testcase per check: classname by activity, name "<id>: <title>", a time, points in system-out (no properties)', () => {
  const suite = parse(mixed);
  suite.testcase.forEach((testCase, index) => {
    const check = mixed.checks[index];
    assert.ok(check);
    assert.equal(testCase['@_classname'], `lab-grader.activity-${check.step}`);
    assert.equal(testCase['@_name'], `${check.id}: ${check.title}`);
    assert.match(testCase['@_time'], /^\d+\.\d{3}$/);
    assert.equal(testCase.properties, undefined);
    assert.match(testCase['system-out'] ?? '', new RegExp(`^Points: ${check.points}/${check.maxPoints}\nStatus: ${check.status}`));
  });
});

test('the suite time is the live grade\'s duration, 0 for a saved snapshot', () => {
  assert.equal(parse(mixed)['@_time'], '0.000');
  const live: GradeResult = { ...fullMarks, source: 'live', snapshotTakenAt: '2026-01-01T10:00:00.000Z', gradedAt: '2026-01-01T10:00:01.250Z' };
  assert.equal(parse(live)['@_time'], '1.250');
});

test('a FAIL carries the reason, the messageId, and a body with the fix and the whole command', () => {
  const failure = caseOf(parse(mixed), 'app-client-password-auth').failure;
  assert.ok(failure);
  assert.equal(failure['@_message'], 'The app client APIClient allows ADMIN_NO_SRP_AUTH only; USER_PASSWORD_AUTH is missing.');
  assert.equal(failure['@_type'], 'flowMissing');
  assert.match(failure['#text'] ?? '', /Fix: Allow the USER_PASSWORD_AUTH flow on the app client\./);
  assert.ok((failure['#text'] ?? '').split('\n').includes(PASSWORD_AUTH_FIX));
});

test('the suite\'s system-out is the plan; a failure the plan folds into another names its cause instead of repeating commands', () => {
  const suite = parse(mixed);
  const plan = suite['system-out'] ?? '';
  assert.match(plan, /^Next steps\nCause 1 of 2: App client allows USER_PASSWORD_AUTH \(app-client-password-auth\)\n/);
  const lines = plan.split('\n');
  const commands = lines.flatMap((line, index) => (/^\d+\. for /.test(line) ? [lines[index + 1]] : []));
  assert.deepEqual(commands, mixed.plan.commands.map((entry) => entry.command));
  const folded = caseOf(suite, 'probe-unauthenticated-401').failure?.['#text'] ?? '';
  assert.match(folded, /^GET \/hello without a token answered 200\.\n\nFollows from hello-get-authorized: fixing that fixes this too \("Next steps" in the suite's system-out\)\.\n\nDocs: /);
  assert.equal(parse(fullMarks)['system-out'], undefined, 'no plan when everything passes');
});

test('ERROR says the grader could not see; BLOCKED gives its reason in the skipped message and text, and names its root cause', () => {
  const suite = parse(mixed);
  const error = caseOf(suite, 'lambda-invoke-permission').error;
  assert.ok(error);
  assert.equal(error['@_message'], 'The grader was denied lambda:GetPolicy on HelloWorldFunction (AccessDeniedException).');
  assert.match(error['#text'] ?? '', /not a mistake in the lab/);
  const blocked = caseOf(suite, 'probe-token-issued');
  const check = mixed.checks.find((candidate) => candidate.id === 'probe-token-issued');
  assert.equal(blocked.skipped?.['@_message'], check?.message);
  assert.equal(blocked.skipped?.['#text'], check?.message);
  assert.equal(blocked.skipped?.['@_type'], 'blocked-by:app-client-password-auth');
  assert.match(blocked['system-out'] ?? '', /Blocked by: app-client-password-auth/);
  assert.equal(caseOf(suite, 'user-pool-exists').failure, undefined);
});

test('hostile strings: the XML stays valid, escapes and controls are gone, markup and "]]>" are text', () => {
  const xml = renderJunit(hostile);
  assert.ok(!xml.includes('\x1b'));
  const outsideCdata = xml.replace(/<!\[CDATA\[[^]*?\]\]>/g, '');
  assert.ok(!outsideCdata.includes('<script>'), 'markup outside CDATA is escaped');
  assert.ok(outsideCdata.includes('&lt;script&gt;'));
  const suite = parse(hostile);
  assert.match(suite['@_name'], /^Lab RED <script>alert\("x"\)<\/script> & 'quoted' "double"$/);
  const failure = caseOf(suite, 'user-pool-exists').failure;
  assert.ok(failure);
  assert.ok((failure['@_message'] ?? '').includes(HOSTILE.huge), 'nothing is lost from a 10 kB value');
  assert.ok((failure['@_message'] ?? '').includes(HOSTILE.emoji));
  assert.match(failure['#text'] ?? '', /one \]\] > two \]\] > three/);
});
