// lab-grader demo --class N: a class of sandbox accounts as an instructor meets one. Each student's account has
// the read-only grading role trusting the instructor's account with an ExternalId, and the lab done, done with
// one of the learners' typical mistakes, or not started; one roster row in a few gives a wrong ExternalId, so
// the class also shows a student who cannot be graded and why. The command grades it with the batch.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { withReferenceClients } from '../../reference-solution/clients.js';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { InputError } from '../errors.js';
import type { ProgressStream } from '../report/progress.js';
import { startSandbox, type RunningSandbox } from '../sandbox/index.js';
import type { Target } from '../target/index.js';
import { gradingTargetFor, referenceConfigFor, type SandboxAccount } from './sandbox-account.js';

/** The instructor's own account in the sandbox: the grading roles trust it. */
const DEMO_INSTRUCTOR_ACCOUNT = '999999999999';
const DEMO_GRADING_ROLE = 'LabGraderReadOnly';
/** A deployed lab costs about a second of sandbox time: a class large enough to show the flow, quick to build. */
export const MAX_DEMO_CLASS = 40;
const DEMO_ROSTER_FILE = 'roster.csv';

type StudentState = { kind: 'complete' } | { kind: 'mistake'; mistake: MistakeName } | { kind: 'not-started' } | { kind: 'wrong-external-id' };

// The class cycles through these, so even three students show a full mark, a mistake and one not graded.
const STATES: StudentState[] = [
  { kind: 'complete' },
  { kind: 'mistake', mistake: 'hello-get-none' },
  { kind: 'wrong-external-id' },
  { kind: 'mistake', mistake: 'no-deployment' },
  { kind: 'not-started' },
  { kind: 'mistake', mistake: 'client-with-secret' },
  { kind: 'complete' },
  { kind: 'mistake', mistake: 'handler-other-message' },
];

interface DemoStudent {
  studentId: string;
  name: string;
  accountId: string;
  roleArn: string;
  /** What the roster gives: the role's own ExternalId, or a wrong one. */
  externalId: string;
  /** What was done in the account, in words. */
  state: string;
}

export interface DemoClass {
  endpoint: string;
  rosterPath: string;
  /** The instructor's credentials in the sandbox, from which the batch assumes each grading role. */
  instructorTarget(region: string): Target;
}

export function parseClassSize(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DEMO_CLASS) {
    throw new InputError(`--class: expected a number of students from 1 to ${MAX_DEMO_CLASS}, got ${value}.`);
  }
  return value;
}

function describeState(state: StudentState): string {
  switch (state.kind) {
    case 'complete':
      return 'the complete lab';
    case 'mistake':
      return `a mistake: ${MISTAKES[state.mistake].title}`;
    case 'not-started':
      return 'the lab not started';
    case 'wrong-external-id':
      return 'the complete lab, but the roster gives a wrong ExternalId';
  }
}

function planStudent(index: number): { student: DemoStudent; state: StudentState; roleExternalId: string } {
  const state = STATES[index % STATES.length] as StudentState;
  const accountId = String(100000000000 + index + 1);
  const roleExternalId = `demo-${index + 1}`;
  return {
    state,
    roleExternalId,
    student: {
      studentId: `s${String(index + 1).padStart(2, '0')}`,
      name: `Student ${index + 1}`,
      accountId,
      roleArn: `arn:aws:iam::${accountId}:role/${DEMO_GRADING_ROLE}`,
      externalId: state.kind === 'wrong-external-id' ? `${roleExternalId}-old` : roleExternalId,
      state: describeState(state),
    },
  };
}

/** The grading role as its CloudFormation template makes it: trusts the instructor's account with the ExternalId. */
async function createGradingRole(account: SandboxAccount, externalId: string, policy: unknown): Promise<void> {
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${DEMO_INSTRUCTOR_ACCOUNT}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId } },
      },
    ],
  };
  await withReferenceClients(referenceConfigFor(account), async ({ iam }) => {
    await iam.send(new CreateRoleCommand({ RoleName: DEMO_GRADING_ROLE, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: DEMO_GRADING_ROLE, PolicyName: 'lab-grader-read-only', PolicyDocument: JSON.stringify(policy) }));
  });
}

async function buildAccount(endpoint: string, plan: ReturnType<typeof planStudent>, policy: unknown): Promise<void> {
  const account = { endpoint, accountId: plan.student.accountId };
  await createGradingRole(account, plan.roleExternalId, policy);
  if (plan.state.kind === 'not-started') return;
  const config = { ...referenceConfigFor(account), log: () => {} };
  const outputs = await deployReferenceSolution(config);
  if (plan.state.kind === 'mistake') await applyMistake(config, plan.state.mistake, outputs);
}

function rosterCsv(students: readonly DemoStudent[]): string {
  // Every value is made here, of letters, digits and : / - only: nothing to quote.
  const rows = students.map((student) => [student.studentId, student.name, student.accountId, student.roleArn, student.externalId].join(','));
  return ['student_id,name,account_id,role_arn,external_id', ...rows].map((line) => `${line}\n`).join('');
}

/** Builds the accounts a few at a time (the sandbox is one process), then writes the roster into `outDir`. */
async function buildDemoClass(sandbox: RunningSandbox, size: number, outDir: string, gradingPolicy: unknown, log: ProgressStream): Promise<DemoClass> {
  const plans = Array.from({ length: size }, (_, index) => planStudent(index));
  let next = 0;
  let built = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const plan = plans[next++] as ReturnType<typeof planStudent>;
      await buildAccount(sandbox.url, plan, gradingPolicy);
      built += 1;
      log.write(`  [${built}/${size}] ${plan.student.studentId}, account ${plan.student.accountId}: ${plan.student.state}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, size) }, worker));
  const rosterPath = join(outDir, DEMO_ROSTER_FILE);
  await writeFile(rosterPath, rosterCsv(plans.map((plan) => plan.student)));
  return {
    endpoint: sandbox.url,
    rosterPath,
    instructorTarget: (region) => gradingTargetFor({ endpoint: sandbox.url, accountId: DEMO_INSTRUCTOR_ACCOUNT, region }),
  };
}

export interface ClassDemoOptions<T> {
  size: number;
  outDir: string;
  /** The grading role's permissions (src/batch/grading-role/policy.json). */
  gradingPolicy: unknown;
  log: ProgressStream;
  untilInterrupted(): Promise<void>;
  /** Grades the class (the batch), while the sandbox runs. */
  grade(demoClass: DemoClass): Promise<T>;
}

/** Starts a sandbox, builds the class, grades it with `grade`, and always stops the sandbox. */
export async function runClassDemo<T>(options: ClassDemoOptions<T>): Promise<T | 'interrupted'> {
  const { log } = options;
  const interrupted = options.untilInterrupted().then(() => 'interrupted' as const);
  log.write('Starting the sandbox…\n');
  // A pool per student: shared signing keys spare two RSA key generations each (tokens still differ by issuer).
  const sandbox = await startSandbox({ port: 0, signingKeys: 'shared' });
  try {
    const work = async (): Promise<T> => {
      log.write(`Creating ${options.size} student account${options.size > 1 ? 's' : ''} in the sandbox at ${sandbox.url}, each with the grading role ${DEMO_GRADING_ROLE}…\n`);
      await createFolder(options.outDir);
      const demoClass = await buildDemoClass(sandbox, options.size, options.outDir, options.gradingPolicy, log);
      log.write(`Wrote the roster to ${demoClass.rosterPath}. Grading the class as "lab-grader batch" does…\n`);
      return options.grade(demoClass);
    };
    const working = work();
    // Once interrupted, the work fails as the sandbox stops under it: no news, and no unhandled rejection.
    working.catch(() => {});
    const outcome = await Promise.race([working, interrupted]);
    if (outcome === 'interrupted') log.write('Interrupted.\n');
    return outcome;
  } finally {
    await sandbox.stop();
    log.write(`Sandbox stopped (${sandbox.url} is closed).\n`);
  }
}

async function createFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new InputError(`Cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Choose another folder with --out.`);
  }
}
