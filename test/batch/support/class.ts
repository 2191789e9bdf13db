// A class of students in one sandbox: each student an account with the grading role (or a broken one) and
// some lab state, built with the SDK. Setups are functions, so any mix of account states can make a class.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateResourceCommand, CreateRestApiCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { deployReferenceSolution } from '../../../reference-solution/deploy/index.js';
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
}

export const accountNumber = (n: number): string => String(100000000000 + n);

export async function buildAccounts(sandbox: RunningSandbox, students: readonly StudentSpec[], concurrency = 16): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < students.length) {
      const student = students[next++] as StudentSpec;
      for (const setup of student.setups) await setup({ sandbox, accountId: student.accountId });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const csvQuote = (value: string): string => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export async function writeRoster(dir: string, students: readonly StudentSpec[], fileName = 'roster.csv'): Promise<string> {
  const lines = ['student_id,name,account_id,role_arn,external_id,profile,password'];
  for (const student of students) {
    const access = student.profile ? ['', '', student.profile] : [gradingRoleArn(student.accountId), student.externalId, ''];
    lines.push(
      [student.studentId, student.name ?? '', student.accountId, ...access, student.password ?? '']
        .map(csvQuote)
        .join(','),
    );
  }
  const path = join(dir, fileName);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * A class of `size` students cycling through `kinds`: each kind names the account setups and whether the
 * roster's ExternalId is right. Account n is student n's.
 */
export function generateClass(size: number, kinds: readonly { kind: string; setups: (externalId: string) => AccountSetup[]; wrongExternalId?: boolean }[]): (StudentSpec & { kind: string })[] {
  return Array.from({ length: size }, (_, i) => {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    const externalId = `ext-${i}`;
    return {
      kind: kind.kind,
      studentId: `s${String(i + 1).padStart(4, '0')}`,
      name: `Student ${i + 1}`,
      accountId: accountNumber(i + 1),
      setups: kind.setups(externalId),
      externalId: kind.wrongExternalId ? `${externalId}-wrong` : externalId,
    };
  });
}
