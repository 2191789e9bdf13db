// The Gradescope autograder's work for one submission: find the student's AWS account (their submitted file, or
// their Gradescope identity in the instructor's accounts.csv), grade it live through the read-only grading role
// with lab-grader.mjs, and leave results.json in <root>/results. Whatever goes wrong, results.json says what,
// so a student never gets a silent 0: a submission we cannot read asks for the right file; an account we cannot
// grade says why. Plain JavaScript, no dependencies: it runs beside the single-file build on Node 20.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.env.AUTOGRADER_ROOT ?? '/autograder';
const SOURCE = join(ROOT, 'source');
const SUBMISSION = join(ROOT, 'submission');
const RESULTS_DIR = join(ROOT, 'results');
const RESULTS = join(RESULTS_DIR, 'results.json');

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const ACCOUNT_ID = /^\d{12}$/;
const SUBMIT_HELP =
  'Submit a file named lab-grader.json holding {"role_arn": "arn:aws:iam::<your 12-digit account>:role/<the grading role>"} ' +
  '(or {"account_id": "<your 12-digit account>"}), or a file named account.txt holding only your 12-digit account number.';

class SubmissionError extends Error {}

function readJson(path, what) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SubmissionError(`${what} is not valid JSON (${error instanceof SyntaxError ? error.message : error.code}).`);
  }
}

/** The instructor's settings: lab-grader-autograder.json beside this file. */
function readConfig() {
  const path = join(SOURCE, 'lab-grader-autograder.json');
  const config = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  return {
    roleName: config.roleName ?? 'LabGraderReadOnly',
    externalId: config.externalId ?? null,
    region: config.region ?? null,
    endpointUrl: config.endpointUrl ?? null,
  };
}

/** A role ARN, or the grading role's ARN in a bare account number. */
function roleArnFrom(value, roleName, where) {
  const text = String(value ?? '').trim();
  if (ROLE_ARN.test(text)) return text;
  if (ACCOUNT_ID.test(text)) return `arn:aws:iam::${text}:role/${roleName}`;
  throw new SubmissionError(`${where} holds "${text.slice(0, 100)}", which is neither an IAM role ARN nor a 12-digit account number.`);
}

/** accounts.csv (instructor's, beside this file): a header with email or sid, and account_id or role_arn. */
function fromAccountsFile(roleName) {
  const metadataPath = join(ROOT, 'submission_metadata.json');
  const accountsPath = join(SOURCE, 'accounts.csv');
  if (!existsSync(metadataPath) || !existsSync(accountsPath)) return null;
  const users = readJson(metadataPath, 'submission_metadata.json').users ?? [];
  const [header = '', ...rows] = readFileSync(accountsPath, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header.split(',').map((name) => name.trim().toLowerCase());
  const records = rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell.trim()])));
  for (const user of users) {
    const match = records.find(
      (record) => (record.email && record.email.toLowerCase() === String(user.email ?? '').toLowerCase()) || (record.sid && record.sid === String(user.sid ?? '')),
    );
    if (match) return roleArnFrom(match.role_arn || match.account_id, roleName, `accounts.csv's row for ${user.email ?? user.sid}`);
  }
  return null;
}

/** The role to grade through: from the submission first, then from the instructor's accounts.csv. */
function findRoleArn(roleName) {
  const jsonFile = join(SUBMISSION, 'lab-grader.json');
  if (existsSync(jsonFile)) {
    const doc = readJson(jsonFile, 'Your lab-grader.json');
    return roleArnFrom(doc?.role_arn ?? doc?.account_id, roleName, 'Your lab-grader.json');
  }
  const textFile = join(SUBMISSION, 'account.txt');
  if (existsSync(textFile)) return roleArnFrom(readFileSync(textFile, 'utf8').split(/\r?\n/)[0], roleName, 'Your account.txt');
  const fromRoster = fromAccountsFile(roleName);
  if (fromRoster) return fromRoster;
  throw new SubmissionError('Your submission names no AWS account.');
}

function writeNotGraded(kind, lines) {
  const results = {
    score: 0,
    output: ['NOT GRADED.', ...lines].join('\n\n'),
    output_format: 'text',
    extra_data: { graded: false, reason: kind },
    tests: [],
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}

mkdirSync(RESULTS_DIR, { recursive: true });
rmSync(RESULTS, { force: true });
let config;
try {
  config = readConfig();
} catch (error) {
  writeNotGraded('configuration', [`The autograder's lab-grader-autograder.json cannot be read (${error.message}). Tell your instructor.`]);
  process.exit(0);
}
let roleArn;
try {
  roleArn = findRoleArn(config.roleName);
} catch (error) {
  if (!(error instanceof SubmissionError)) throw error;
  writeNotGraded('submission', [error.message, SUBMIT_HELP]);
  process.exit(0);
}

const args = ['grade', '--role-arn', roleArn, '--format', 'console,gradescope', '--out', RESULTS_DIR];
if (config.externalId) args.push('--external-id', config.externalId);
if (config.region) args.push('--region', config.region);
if (config.endpointUrl) args.push('--endpoint-url', config.endpointUrl);
// The instructor's credentials, allowed only to assume the grading roles, come in the autograder zip.
const credentials = join(SOURCE, 'aws-credentials');
const env = { ...process.env, NO_COLOR: '1', ...(existsSync(credentials) ? { AWS_SHARED_CREDENTIALS_FILE: credentials } : {}) };

console.log(`Grading through ${roleArn}`);
const grade = spawnSync(process.execPath, [join(SOURCE, 'lab-grader.mjs'), ...args], { env, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
process.stderr.write(grade.stderr ?? '');
// Exit 0 or 1: graded (passed, or not all); 3 with results.json: graded, incomplete. Otherwise nothing was graded.
if (!existsSync(RESULTS)) {
  const reason = (grade.stderr ?? '').trim() || `lab-grader exited with ${grade.status ?? grade.signal}`;
  writeNotGraded('cannot-grade', [
    `The grader could not grade the account of ${roleArn}. This is not a score of your lab: fix what is said below (or ask your instructor), then resubmit.`,
    reason,
  ]);
}
