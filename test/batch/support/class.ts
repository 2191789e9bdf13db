// A class of students in one sandbox: each student an account with the grading role (or a broken one) and
// some lab state, built with the SDK. Setups are functions, so any mix of account states can make a class.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateResourceCommand, CreateRestApiCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { withReferenceClients } from '../../../reference-solution/clients.js';
import { createContext } from '../../../reference-solution/context.js';
import { deployFunction } from '../../../reference-solution/deploy/function.js';
import { deployReferenceSolution, labFunctionSpec } from '../../../reference-solution/deploy/index.js';
import { deployRole } from '../../../reference-solution/deploy/role.js';
import { applyMistake, type MistakeName } from '../../../reference-solution/mistakes.js';
import policy from '../../../src/batch/grading-role/policy.json' with { type: 'json' };
import type { RunningSandbox } from '../../../src/sandbox/index.js';

/** The instructor's own account: its 12-digit key is its identity in the sandbox. */
export const INSTRUCTOR_ACCOUNT = '999999999999';
export const GRADING_ROLE = 'LabGraderReadOnly';
export const REGION = 'us-east-1';

export interface AccountContext {
  sandbox: RunningSandbox;
  accountId: string;
}

export type AccountSetup = (ctx: AccountContext) => Promise<void>;

export function accountConfig(ctx: AccountContext) {
  return { endpoint: ctx.sandbox.url, region: REGION, credentials: { accessKeyId: ctx.accountId, secretAccessKey: 'x' } };
}

export const gradingRoleArn = (accountId: string): string => `arn:aws:iam::${accountId}:role/${GRADING_ROLE}`;

/** The grading role as template.yaml makes it: trusts the instructor's account with this ExternalId. */
export function gradingRole(externalId: string): AccountSetup {
  return async (ctx) => {
    const iam = new IAMClient(accountConfig(ctx));
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${INSTRUCTOR_ACCOUNT}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': externalId } },
        },
      ],
    };
    await iam.send(new CreateRoleCommand({ RoleName: GRADING_ROLE, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: GRADING_ROLE, PolicyName: 'lab-grader-read-only', PolicyDocument: JSON.stringify(policy) }));
    iam.destroy();
  };
}

export const emptyAccount: AccountSetup = async () => {};

export function completeLab(password?: string): AccountSetup {
  return async (ctx) => {
    await deployReferenceSolution({ ...accountConfig(ctx), ...(password ? { password } : {}), log: () => {} });
  };
}

/** The reference solution with one of the learners' typical mistakes made afterwards. */
export function mistakenLab(mistake: MistakeName): AccountSetup {
  return async (ctx) => {
    const config = { ...accountConfig(ctx), log: () => {} };
    await applyMistake(config, mistake, await deployReferenceSolution(config));
  };
}

/** Activities 6 and 7 only: the execution role and the function, no user pool and no API. */
export const functionOnly: AccountSetup = async (ctx) => {
  const config = accountConfig(ctx);
  await withReferenceClients(config, async (clients) => {
    const reference = await createContext(clients, config);
    const { roleArn } = await deployRole(reference);
    await deployFunction(reference, await labFunctionSpec(reference, roleArn));
  });
};

export const userPoolOnly: AccountSetup = async (ctx) => {
  const cognito = new CognitoIdentityProviderClient(accountConfig(ctx));
  await cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }));
  cognito.destroy();
};

export const apiWithoutMethods: AccountSetup = async (ctx) => {
  const apigateway = new APIGatewayClient(accountConfig(ctx));
  const api = await apigateway.send(new CreateRestApiCommand({ name: 'SecureAPI' }));
  const root = (await apigateway.send(new GetResourcesCommand({ restApiId: api.id }))).items?.find((item) => item.path === '/');
  await apigateway.send(new CreateResourceCommand({ restApiId: api.id, parentId: root?.id, pathPart: 'hello' }));
  apigateway.destroy();
};

export interface StudentSpec {
  studentId: string;
  name?: string;
  accountId: string;
  /** Applied to the account in order (none: an account nobody touched, and no grading role). */
  setups: AccountSetup[];
  /** The ExternalId the roster gives (the role's own, or a wrong one). */
  externalId: string;
  /** Instead of the role: a profile of the instructor's credentials file. */
  profile?: string;
  password?: string;
  /** An extra roster column, carried to the gradebook. */
  email?: string;
}

export const accountNumber = (n: number): string => String(100000000000 + n);

/** Runs `work` over `items`, at most `concurrency` at a time. */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function buildAccounts(sandbox: RunningSandbox, students: readonly StudentSpec[], concurrency = 16): Promise<void> {
  await forEachConcurrently(students, concurrency, async (student) => {
    for (const setup of student.setups) await setup({ sandbox, accountId: student.accountId });
  });
}

const csvQuote = (value: string): string => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export async function writeRoster(dir: string, students: readonly StudentSpec[], fileName = 'roster.csv'): Promise<string> {
  const lines = ['student_id,name,account_id,role_arn,external_id,profile,password,email'];
  for (const student of students) {
    const access = student.profile ? ['', '', student.profile] : [gradingRoleArn(student.accountId), student.externalId, ''];
    lines.push(
      [student.studentId, student.name ?? '', student.accountId, ...access, student.password ?? '', student.email ?? '']
        .map(csvQuote)
        .join(','),
    );
  }
  const path = join(dir, fileName);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** An account state of a generated class: its setups, and what its roster row says. */
export interface AccountKind {
  kind: string;
  setups: (externalId: string) => AccountSetup[];
  /** The roster gives another ExternalId than the role's. */
  wrongExternalId?: boolean;
  /** The lab user's password, if not the lab's: the roster row gives it. */
  password?: string;
}

/**
 * A class of `size` students cycling through `kinds`: each kind names the account setups and whether the
 * roster's ExternalId is right. Account n is student n's.
 */
export function generateClass(size: number, kinds: readonly AccountKind[]): (StudentSpec & { kind: string })[] {
  return Array.from({ length: size }, (_, i) => {
    const kind = kinds[i % kinds.length] as AccountKind;
    const externalId = `ext-${i}`;
    return {
      kind: kind.kind,
      studentId: `s${String(i + 1).padStart(4, '0')}`,
      name: `Student ${i + 1}`,
      accountId: accountNumber(i + 1),
      setups: kind.setups(externalId),
      externalId: kind.wrongExternalId ? `${externalId}-wrong` : externalId,
      ...(kind.password ? { password: kind.password } : {}),
    };
  });
}

/**
 * `count` of each kind, every kind spread evenly over the class (not in blocks), so that any stretch of the
 * roster, e.g. the part graded before an interruption, holds a mix of states. Each kind's offset within its
 * spacing follows its place in `counts`, so that kinds of one student each do not all land mid-class.
 */
export function spreadKinds(counts: readonly (readonly [AccountKind, number])[]): AccountKind[] {
  return counts
    .flatMap(([kind, count], index) =>
      Array.from({ length: count }, (_, j) => ({ kind, position: (j + (index + 1) / (counts.length + 1)) / count })),
    )
    .sort((a, b) => a.position - b.position)
    .map(({ kind }) => kind);
}
