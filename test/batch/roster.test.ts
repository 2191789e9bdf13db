// Rosters: CSV and JSON, every bad input an InputError naming the file and the line, raw keys refused,
// passwords never echoed.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadRoster } from '../../src/batch/roster.js';
import { roleSessionName } from '../../src/batch/student-target.js';
import { InputError } from '../../src/errors.js';

const ROLE = (account: string): string => `arn:aws:iam::${account}:role/LabGraderReadOnly`;
const HEADER = 'student_id,name,account_id,role_arn,external_id,region,password';
const ROW = (id: string, account = '111111111111'): string => `${id},Name ${id},${account},${ROLE(account)},ext-${id},,`;
const SECRET = 'Sup3r-Secret!';

describe('loadRoster', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-grader-roster-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function file(name: string, content: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  async function refusal(path: string): Promise<string> {
    const error = await loadRoster(path).then(
      () => assert.fail('expected an InputError'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }

  test('a CSV roster: quoted fields, CRLF, a BOM, header spellings, role or profile rows, passwords kept', async () => {
    const path = await file(
      'class.csv',
      '\ufeffStudent ID,Name,Account ID,Role ARN,External ID,Profile,Region,Password\r\n' +
        `s1,"Lovelace, Ada",111111111111,${ROLE('111111111111')},ext-1,,,\r\n` +
        `s2,"Grace ""G"" Hopper",222222222222,,,grace,eu-west-1,${SECRET}\r\n` +
        '\r\n',
    );
    const roster = await loadRoster(path);
    assert.equal(roster.entries.length, 2);
    const [ada, grace] = roster.entries;
    assert.deepEqual(ada, {
      index: 0,
      line: 2,
      studentId: 's1',
      name: 'Lovelace, Ada',
      accountId: '111111111111',
      access: { kind: 'role', roleArn: ROLE('111111111111'), externalId: 'ext-1' },
      region: null,
      password: null,
      extra: {},
    });
    assert.equal(grace?.name, 'Grace "G" Hopper');
    assert.deepEqual(grace?.access, { kind: 'profile', profile: 'grace' });
    assert.equal(grace?.region, 'eu-west-1');
    assert.equal(grace?.password, SECRET);
    assert.doesNotMatch(roster.digest, new RegExp(SECRET));
  });

  test('a JSON roster, as an array or {"students": [...]}, camelCase keys accepted', async () => {
    const array = await loadRoster(await file('a.json', JSON.stringify([{ studentId: 's1', accountId: '111111111111', roleArn: ROLE('111111111111') }])));
    assert.equal(array.entries[0]?.studentId, 's1');
    const object = await loadRoster(
      await file('b.json', JSON.stringify({ students: [{ student_id: 's1', account_id: '111111111111', profile: 'p' }, { student_id: 's2', account_id: '111111111111', profile: 'p' }] }, null, 2)),
    );
    assert.deepEqual(object.entries.map((entry) => entry.line), [3, 8]);
  });

  test('bad rows name the file and the line', async () => {
    const cases: [string, string, RegExp][] = [
      ['missing-column.csv', 'student_id,name,role_arn\ns1,A,x\n', /line 1: the header has no account_id column/],
      ['bad-account.csv', `${HEADER}\n${ROW('s1')}\ns2,B,12345,${ROLE('111111111111')},ext,,\n`, /line 3: account_id must be the 12-digit AWS account id/],
      ['bad-arn.csv', `${HEADER}\ns1,A,111111111111,arn:aws:iam::111111111111:user/bob,ext,,\n`, /line 2: role_arn must be an IAM role ARN/],
      ['other-account.csv', `${HEADER}\ns1,A,111111111111,${ROLE('222222222222')},ext,,\n`, /line 2: role_arn is in account 222222222222, but account_id is 111111111111/],
      ['duplicate.csv', `${HEADER}\n${ROW('s1')}\n${ROW('s2')}\n${ROW('S1')}\n`, /line 4: student_id "S1" is already on line 2/],
      ['no-access.csv', 'student_id,account_id\ns1,111111111111\n', /line 2: give either role_arn .* or profile/],
      ['both-access.csv', `student_id,account_id,role_arn,profile\ns1,111111111111,${ROLE('111111111111')},p\n`, /line 2: give either role_arn/],
      ['region.csv', `${HEADER}\ns1,A,111111111111,${ROLE('111111111111')},ext,us-mars-1,\n`, /line 2: region "us-mars-1" is not an AWS region/],
      ['fields.csv', `${HEADER}\n${ROW('s1')},extra\n`, /line 2: 8 fields, but the header has 7/],
      ['column-name.csv', `student_id,account_id,profile,shoe size (EU)\ns1,111111111111,p,42\n`, /line 2: the column "shoe_size_\(eu\)" needs a name of letters, digits and _/],
      ['long-extra.csv', `student_id,account_id,profile,email\ns1,111111111111,p,${'x'.repeat(501)}\n`, /line 2: email must be at most 500 characters/],
      ['quote.csv', `${HEADER}\ns1,"A,111111111111\n`, /line 2: a quoted field is never closed/],
      ['empty.csv', '', /the roster is empty/],
      ['header-only.csv', `${HEADER}\n`, /has no students/],
      ['empty.json', '[]', /has no students/],
      ['bad.json', '[\n {"student_id": "s1",\n  "account_id": 111111111111}\n]', /line 2: account_id must be a string/],
      ['not-json.json', '{"students": [\n{"student_id": }]}', /not-json\.json.*not valid JSON/],
      ['bad-id.csv', `${HEADER}\n${ROW('../etc')}\n`, /line 2: student_id must be 1 to 128 letters/],
    ];
    for (const [name, content, expected] of cases) {
      const path = await file(name, content);
      const message = await refusal(path);
      assert.match(message, expected, name);
      assert.ok(message.startsWith(path), `${name}: names the file: ${message}`);
    }
    assert.match(await refusal(join(dir, 'absent.csv')), /absent\.csv: cannot load the roster: the file does not exist/);
  });

  test('raw access keys are refused with the reason, in a CSV header or a JSON object', async () => {
    const csv = await refusal(await file('keys.csv', 'student_id,account_id,aws_access_key_id,aws_secret_access_key\ns1,111111111111,AKIAEXAMPLE,secret\n'));
    assert.match(csv, /line 1: "aws_access_key_id" looks like raw AWS access keys.*leak.*role_arn/);
    const json = await refusal(await file('keys.json', '[\n{"student_id": "s1", "account_id": "111111111111", "profile": "p"},\n{"student_id": "s2", "account_id": "111111111111", "SecretAccessKey": "x"}\n]'));
    assert.match(json, /line 3: "secret_access_key" looks like raw AWS access keys/);
    assert.doesNotMatch(csv + json, /AKIAEXAMPLE/);
  });

  test('other columns (email, SIS id) are carried as they are, in the roster\'s order; camelCase keys in JSON too', async () => {
    const csv = await loadRoster(await file('extra.csv', `student_id,Email,SIS ID,account_id,profile\ns1,ada@uni.example,A-1,111111111111,p\ns2,,B-2,111111111111,p\n`));
    assert.deepEqual(csv.entries.map((entry) => entry.extra), [{ email: 'ada@uni.example', sis_id: 'A-1' }, { sis_id: 'B-2' }]);
    const json = await loadRoster(await file('extra.json', JSON.stringify([{ studentId: 's1', accountId: '111111111111', profile: 'p', sisId: '7' }])));
    assert.deepEqual(json.entries[0]?.extra, { sis_id: '7' });
  });

  test('an extra column that looks like a secret is refused: extra columns go into the gradebook', async () => {
    for (const column of ['api_token', 'lab_password', 'private_key', 'credentials', 'externalid']) {
      const message = await refusal(await file(`${column}.csv`, `student_id,account_id,profile,${column}\ns1,111111111111,p,hunter2\n`));
      assert.match(message, new RegExp(`line 1: the column "${column}" looks like a secret.*gradebook`), column);
      assert.doesNotMatch(message, /hunter2/);
    }
    const json = await refusal(await file('token.json', '[\n{"student_id": "s1", "account_id": "111111111111", "profile": "p", "gitToken": "hunter2"}\n]'));
    assert.match(json, /line 2: the column "git_token" looks like a secret/);
  });

  test('a password is never quoted back, even in a malformed file', async () => {
    const messages = [
      await refusal(await file('pw1.json', `[{"student_id": "s1", "password": ${SECRET}}]`)),
      await refusal(await file('pw2.csv', `student_id,account_id,profile,password\ns1,1234,p,${SECRET}\n`)),
      await refusal(await file('pw3.csv', `student_id,account_id,profile,password\ns1,111111111111,p,"${SECRET}\n`)),
    ];
    for (const message of messages) assert.doesNotMatch(message, /Sup3r/);
  });

  test("the role session name names the student within STS's characters and length", () => {
    assert.equal(roleSessionName('s1'), 'lab-grader-s1');
    assert.equal(roleSessionName('ada@uni.edu'), 'lab-grader-ada@uni.edu');
    assert.equal(roleSessionName('a b/c'), 'lab-grader-a-b-c');
    assert.equal(roleSessionName('x'.repeat(100)).length, 64);
  });
});
