// The JUnit files against the schema Jenkins validates them with (test/fixtures/junit/jenkins-junit-10.xsd, from
// the Jenkins xUnit plugin), by xmllint: the student's report and the class's combined file, hostile text included.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { renderCombinedJunit } from '../../src/batch/combined-junit.js';
import { studentDir } from '../../src/batch/grade-student.js';
import { renderJunit } from '../../src/report/junit.js';
import { errorStudent, gradedStudent, record } from '../batch/support/outcomes.js';
import { fullMarks, hostile, mixed } from './sample-results.js';

const SCHEMA = fileURLToPath(new URL('../fixtures/junit/jenkins-junit-10.xsd', import.meta.url));

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const skip = hasXmllint() ? false : 'xmllint is not installed (Debian/Ubuntu: apt-get install libxml2-utils)';

describe('JUnit files against the Jenkins JUnit schema', { skip }, () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-grader-junit-schema-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  /** xmllint's verdict on one document: resolves when it validates, rejects with xmllint's complaint. */
  async function validate(name: string, xml: string): Promise<void> {
    const file = join(dir, name);
    await writeFile(file, xml);
    await promisify(execFile)('xmllint', ['--noout', '--schema', SCHEMA, file]).catch((error: { stderr: string }) => {
      assert.fail(`${name} is not valid against the Jenkins JUnit schema:\n${error.stderr}`);
    });
  }

  test('the schema itself refuses what it should: properties in a testcase, skipped on testsuites', async () => {
    const invalid = [
      '<testsuites skipped="1"><testsuite name="a" tests="0" failures="0" errors="0"/></testsuites>',
      '<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="t"><properties/></testcase></testsuite></testsuites>',
    ];
    for (const [index, xml] of invalid.entries()) await assert.rejects(validate(`invalid-${index}.xml`, xml));
  });

  test("a student's report is valid: all passed, one of everything, hostile strings", async () => {
    for (const [name, result] of Object.entries({ fullMarks, mixed, hostile })) await validate(`${name}.xml`, renderJunit(result));
  });

  test("the class's combined file is valid, and every testcase's classname starts with the student id", async () => {
    const out = join(dir, 'class');
    const graded = [gradedStudent(1, 'Ada', 28), gradedStudent(2, '<b>Bob</b>', 10)];
    for (const [index, outcome] of graded.entries()) {
      await mkdir(studentDir(out, outcome.student.studentId), { recursive: true });
      await writeFile(join(studentDir(out, outcome.student.studentId), 'junit.xml'), renderJunit(index === 0 ? fullMarks : hostile));
    }
    const xml = await renderCombinedJunit(record([...graded, errorStudent(3, null, 'could not assume the role')]), out);
    await validate('combined.xml', xml);
    const classnames = [...xml.replace(/<!\[CDATA\[[^]*?\]\]>/g, '').matchAll(/<testcase classname="([^"]*)"/g)].map((match) => match[1]);
    assert.equal(classnames.length, fullMarks.checks.length + hostile.checks.length + 1);
    assert.deepEqual(
      classnames,
      [...fullMarks.checks.map((check) => `s1.activity-${check.step}`), ...hostile.checks.map((check) => `s2.activity-${check.step}`), 's3.grading'],
    );
  });
});
