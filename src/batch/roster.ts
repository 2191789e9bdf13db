// The roster: who to grade and how to reach each account. CSV or JSON, every row validated before anything is
// graded; a problem is an InputError naming the file and line. Passwords are never echoed, raw keys refused.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { InputError } from '../errors.js';
import { readUserFile } from '../files/read-user-file.js';
import { parseJsonText } from '../json/file.js';
import { compileSchema } from '../json/schema.js';
import { isAwsRegion } from '../target/regions.js';
import { parseCsv } from './csv.js';
import rowSchema from './roster.schema.json' with { type: 'json' };

export type StudentAccess = { kind: 'role'; roleArn: string; externalId: string | null } | { kind: 'profile'; profile: string };

export interface RosterEntry {
  /** Position in the roster, from 0: the order of every class output. */
  index: number;
  /** The roster line the student's row starts on, for messages. */
  line: number;
  studentId: string;
  name: string | null;
  accountId: string;
  access: StudentAccess;
  region: string | null;
  /** The lab user's password in this account, when it differs from the lab's. Never written anywhere. */
  password: string | null;
  /** The roster's other columns (email, sis_id, ...), in the roster's order: carried through to the gradebook. */
  extra: Record<string, string>;
}

export interface Roster {
  path: string;
  entries: RosterEntry[];
  /** Identifies the roster's content (passwords left out), so shards of one roster can be told apart from others. */
  digest: string;
}

const COLUMNS = Object.keys(rowSchema.properties);
const isKnownColumn = (key: string): boolean => COLUMNS.includes(key);
const validateRow = compileSchema(rowSchema, { allErrors: true });

// Columns that would carry long-lived keys: refused whatever their exact spelling.
const RAW_KEY_COLUMN = /access_?key|secret|session_?token/;
// Other columns go into the gradebook as they are, so none may hold a secret (the password column is never written).
const SECRET_COLUMN = /token|passw|pwd|credential|private_?key|api_?key|external_?id/;

const RULES: Record<string, string> = {
  student_id: 'must be 1 to 128 letters, digits and . _ @ + - (starting with a letter or digit); it names the student\'s report folder',
  name: 'must be at most 200 characters',
  account_id: 'must be the 12-digit AWS account id',
  role_arn: 'must be an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>',
  external_id: 'must be 2 to 1224 characters of letters, digits and _+=,.@:/- (as the role\'s trust policy has it)',
  profile: 'must be a profile name without spaces',
  region: 'must be an AWS region such as us-east-1',
  password: 'must be 1 to 256 characters',
};

/** "Account ID", "accountId", "account-id" -> "account_id". */
function columnKey(header: string): string {
  return header
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function refuseRawKeys(keys: readonly string[], where: string): void {
  const raw = keys.find((key) => RAW_KEY_COLUMN.test(key));
  if (raw === undefined) return;
  throw new InputError(
    `${where}: "${raw}" looks like raw AWS access keys, which lab-grader refuses: keys in a roster file leak (mail, shared drives, ` +
      'version control) and grant far more than grading needs. Give each student a role_arn (the read-only grading role, ' +
      'src/batch/grading-role/template.yaml) with its external_id, or a profile name, instead.',
  );
}

function refuseSecretExtras(keys: readonly string[], where: string): void {
  const secret = keys.find((key) => !isKnownColumn(key) && SECRET_COLUMN.test(key));
  if (secret === undefined) return;
  throw new InputError(
    `${where}: the column "${secret}" looks like a secret. Columns other than ${COLUMNS.join(', ')} are copied into the ` +
      'gradebook as they are, so a roster holds no secret but the password column (never written anywhere): remove the column.',
  );
}

function explain(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const column = error.instancePath.replace(/^\//, '');
  // propertyNames: the pattern failed on a column's name, not its value.
  if (error.propertyName !== undefined) {
    return `the column "${error.propertyName}" needs a name of letters, digits and _ (starting with a letter), at most 64 characters`;
  }
  switch (error.keyword) {
    case 'required':
      return `the ${String(params['missingProperty'])} column is empty`;
    case 'oneOf':
      return 'give either role_arn (with external_id if the role requires one) or profile, not both and not neither';
    case 'dependentRequired':
      return 'external_id goes with role_arn (a profile row has none)';
    case 'type':
      return `${column} must be text`;
    default: {
      // An extra column (email, sis_id) has no rule of its own: only a length.
      const otherwise = error.keyword === 'maxLength' ? `must be at most ${String(params['limit'])} characters` : (error.message ?? 'is not valid');
      return `${column} ${RULES[column] ?? otherwise}`;
    }
  }
}

/** The first problem with one row as a sentence, or null. Values are never quoted: a misplaced password must not show. */
function rowProblem(row: Record<string, string>): string | null {
  if (validateRow(row)) return null;
  const errors = validateRow.errors ?? [];
  // The oneOf branches' own complaints say less than the oneOf itself.
  const first = errors.find((error) => !error.schemaPath.includes('/oneOf/')) ?? errors[0];
  return first ? explain(first) : 'is not a valid roster row';
}

function toEntry(row: Record<string, string>, index: number, line: number): RosterEntry {
  const access: StudentAccess =
    row['role_arn'] !== undefined
      ? { kind: 'role', roleArn: row['role_arn'], externalId: row['external_id'] ?? null }
      : { kind: 'profile', profile: row['profile'] as string };
  return {
    index,
    line,
    studentId: row['student_id'] as string,
    name: row['name'] ?? null,
    accountId: row['account_id'] as string,
    access,
    region: row['region'] ?? null,
    password: row['password'] ?? null,
    extra: Object.fromEntries(Object.entries(row).filter(([key]) => !isKnownColumn(key))),
  };
}

/** Checks across fields and rows that the schema cannot express. */
function entryProblem(entry: RosterEntry, seen: Map<string, RosterEntry>): string | null {
  if (entry.region !== null && !isAwsRegion(entry.region)) return `region "${entry.region}" is not an AWS region`;
  if (entry.access.kind === 'role') {
    const roleAccount = entry.access.roleArn.split(':')[4];
    if (roleAccount !== entry.accountId) {
      return `role_arn is in account ${roleAccount}, but account_id is ${entry.accountId}: the grading role must be in the student's account`;
    }
  }
  // Folder names: two ids differing only in case would share a folder on macOS and Windows.
  const earlier = seen.get(entry.studentId.toLowerCase());
  if (earlier) return `student_id "${entry.studentId}" is already on line ${earlier.line}; list each student once`;
  return null;
}

function buildRoster(path: string, rows: { row: Record<string, string>; line: number }[]): Roster {
  if (rows.length === 0) throw new InputError(`${path}: the roster has no students. Add one row per student (see "lab-grader batch --help").`);
  const seen = new Map<string, RosterEntry>();
  const entries = rows.map(({ row, line }, index) => {
    refuseRawKeys(Object.keys(row), `${path} line ${line}`);
    refuseSecretExtras(Object.keys(row), `${path} line ${line}`);
    const problem = rowProblem(row);
    if (problem) throw new InputError(`${path} line ${line}: ${problem}.`);
    const entry = toEntry(row, index, line);
    const crossProblem = entryProblem(entry, seen);
    if (crossProblem) throw new InputError(`${path} line ${line}: ${crossProblem}.`);
    seen.set(entry.studentId.toLowerCase(), entry);
    return entry;
  });
  return { path, entries, digest: rosterDigest(entries) };
}

function rosterDigest(entries: readonly RosterEntry[]): string {
  const identity = entries.map(({ studentId, name, accountId, access, region }) => ({ studentId, name, accountId, access, region }));
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

function csvRows(path: string, text: string): { row: Record<string, string>; line: number }[] {
  const { records, unterminatedQuoteLine } = parseCsv(text);
  if (unterminatedQuoteLine !== null) {
    throw new InputError(`${path} line ${unterminatedQuoteLine}: a quoted field is never closed (a " is missing).`);
  }
  const [header, ...body] = records;
  if (!header) throw new InputError(`${path}: the roster is empty. Its first line names the columns: ${COLUMNS.join(', ')}.`);
  const keys = header.fields.map(columnKey);
  refuseRawKeys(keys, `${path} line ${header.line}`);
  refuseSecretExtras(keys, `${path} line ${header.line}`);
  for (const required of ['student_id', 'account_id']) {
    if (!keys.includes(required)) {
      throw new InputError(`${path} line ${header.line}: the header has no ${required} column (columns: ${COLUMNS.join(', ')}).`);
    }
  }
  const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
  if (repeated) throw new InputError(`${path} line ${header.line}: the column ${repeated} appears twice.`);
  return body.map(({ fields, line }) => {
    if (fields.length !== keys.length) {
      throw new InputError(`${path} line ${line}: ${fields.length} fields, but the header has ${keys.length} (a stray or missing comma?).`);
    }
    // An empty cell is an absent value.
    const row = Object.fromEntries(keys.map((key, i) => [key, (fields[i] as string).trim()]).filter(([, value]) => value !== ''));
    return { row, line };
  });
}

/** The line on which each element of the roster's student array opens: [{...}, ...] or {"students": [{...}, ...]}. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  const elementDepth = text.trimStart().startsWith('{') ? 2 : 1;
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      if (depth === elementDepth) lines.push(line);
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
    }
  }
  return lines;
}

function jsonRows(path: string, text: string): { row: Record<string, string>; line: number }[] {
  const document = parseJsonText(text, path, 'roster');
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const list = Array.isArray(document) ? document : isObject(document) && Object.keys(document).join() === 'students' ? document['students'] : null;
  if (!Array.isArray(list)) {
    throw new InputError(`${path}: a JSON roster is an array of students, or {"students": [...]}, each an object of ${COLUMNS.join(', ')}.`);
  }
  const lines = elementLines(text);
  return list.map((element, i) => {
    const line = lines[i] ?? 1;
    if (!isObject(element)) throw new InputError(`${path} line ${line}: each student must be a JSON object.`);
    const row: Record<string, string> = {};
    for (const [key, value] of Object.entries(element)) {
      if (value === null || value === '') continue;
      if (typeof value !== 'string') throw new InputError(`${path} line ${line}: ${columnKey(key)} must be a string (quote numbers such as account ids).`);
      row[columnKey(key)] = value.trim();
    }
    return { row, line };
  });
}

export async function loadRoster(path: string): Promise<Roster> {
  const text = await readUserFile(path, 'roster');
  const isJson = extname(path).toLowerCase() === '.json' || /^\s*[[{]/.test(text);
  return buildRoster(path, isJson ? jsonRows(path, text) : csvRows(path, text));
}
