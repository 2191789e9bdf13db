// CreateUserPool, DescribeUserPool, ListUserPools, UpdateUserPool, DeleteUserPool.

import type { Input } from '../input.js';
import type { Handler } from './handler.js';
import { invalidParameter } from './errors.js';
import { newPoolId, poolArn } from './ids.js';
import { paginate } from './pagination.js';
import { DEFAULT_PASSWORD_POLICY, policyFromRequest, type PasswordPolicy } from './passwords.js';
import { epochSeconds, type StoredPool } from './state.js';
import { NAME, PAGE_TOKEN, USER_POOL_ID } from './input.js';

const STANDARD_ATTRIBUTES: [string, 'String' | 'Boolean' | 'Number'][] = [
  ['sub', 'String'], ['name', 'String'], ['given_name', 'String'], ['family_name', 'String'],
  ['middle_name', 'String'], ['nickname', 'String'], ['preferred_username', 'String'], ['profile', 'String'],
  ['picture', 'String'], ['website', 'String'], ['email', 'String'], ['email_verified', 'Boolean'],
  ['gender', 'String'], ['birthdate', 'String'], ['zoneinfo', 'String'], ['locale', 'String'],
  ['phone_number', 'String'], ['phone_number_verified', 'Boolean'], ['address', 'String'], ['updated_at', 'Number'],
];

function standardSchema(): Record<string, unknown>[] {
  return STANDARD_ATTRIBUTES.map(([name, type]) => ({
    Name: name,
    AttributeDataType: type,
    DeveloperOnlyAttribute: false,
    Mutable: name !== 'sub',
    Required: name === 'sub',
    ...(type === 'String' && {
      StringAttributeConstraints: { MinLength: name === 'sub' ? '1' : name === 'birthdate' ? '10' : '0', MaxLength: name === 'birthdate' ? '10' : '2048' },
    }),
    ...(type === 'Number' && { NumberAttributeConstraints: { MinValue: '0' } }),
  }));
}

/** Custom attributes of a CreateUserPool Schema, named custom:<name> as Cognito names them. */
function customSchema(schema: unknown): Record<string, unknown>[] {
  if (!Array.isArray(schema)) return [];
  const standard = new Set(STANDARD_ATTRIBUTES.map(([name]) => name));
  return schema
    .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && typeof a['Name'] === 'string')
    .filter((a) => !standard.has(a['Name'] as string))
    .map((a) => ({ DeveloperOnlyAttribute: false, Mutable: true, Required: false, ...a, Name: `custom:${a['Name'] as string}` }));
}

function policies(given: unknown): { PasswordPolicy: PasswordPolicy; SignInPolicy: unknown } {
  const requested = (given ?? {}) as { PasswordPolicy?: Partial<PasswordPolicy>; SignInPolicy?: unknown };
  return {
    PasswordPolicy: requested.PasswordPolicy ? policyFromRequest(requested.PasswordPolicy) : { ...DEFAULT_PASSWORD_POLICY },
    SignInPolicy: requested.SignInPolicy ?? { AllowedFirstAuthFactors: ['PASSWORD'] },
  };
}

// Settings UpdateUserPool may change; the others are fixed at creation.
const UPDATABLE = [
  'DeletionProtection', 'LambdaConfig', 'AutoVerifiedAttributes', 'SmsVerificationMessage', 'EmailVerificationMessage',
  'EmailVerificationSubject', 'VerificationMessageTemplate', 'SmsAuthenticationMessage', 'UserAttributeUpdateSettings',
  'MfaConfiguration', 'DeviceConfiguration', 'EmailConfiguration', 'SmsConfiguration', 'UserPoolTags',
  'AdminCreateUserConfig', 'UserPoolAddOns', 'AccountRecoverySetting', 'UserPoolTier',
] as const;

function pick(input: Input, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => input.has(n)).map((n) => [n, input.any(n)]));
}

function describePool(pool: StoredPool): Record<string, unknown> {
  return {
    Id: pool.id,
    Name: pool.name,
    ...pool.settings,
    LastModifiedDate: epochSeconds(pool.modified),
    CreationDate: epochSeconds(pool.created),
    EstimatedNumberOfUsers: Object.keys(pool.users).length,
    Arn: poolArn(pool.region, pool.accountId, pool.id),
  };
}

const createUserPool: Handler = async (input, ctx, deps) => {
  input.check({
    PoolName: NAME,
    DeletionProtection: { enum: ['ACTIVE', 'INACTIVE'] },
    MfaConfiguration: { enum: ['OFF', 'ON', 'OPTIONAL'] },
  });
  const now = deps.now(ctx);
  const keys = await deps.newPoolKeys();
  const pool: StoredPool = {
    id: newPoolId(ctx.region),
    accountId: ctx.accountId,
    region: ctx.region,
    name: input.requiredString('PoolName'),
    settings: {
      Policies: policies(input.any('Policies')),
      DeletionProtection: 'INACTIVE',
      LambdaConfig: {},
      SchemaAttributes: [...standardSchema(), ...customSchema(input.any('Schema'))],
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      MfaConfiguration: 'OFF',
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      UserPoolTags: {},
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      AccountRecoverySetting: {
        RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }, { Priority: 2, Name: 'verified_phone_number' }],
      },
      UserPoolTier: 'ESSENTIALS',
      ...pick(input, [...UPDATABLE, 'AliasAttributes', 'UsernameAttributes', 'UsernameConfiguration']),
    },
    created: now,
    modified: now,
    clients: {},
    users: {},
    keys,
    refreshTokens: {},
  };
  deps.pools.add(pool);
  return { UserPool: describePool(pool) };
};

const describeUserPool: Handler = (input, ctx, deps) => {
  input.check({ UserPoolId: USER_POOL_ID });
  return { UserPool: describePool(deps.pools.inScope(ctx, input.requiredString('UserPoolId'))) };
};

const listUserPools: Handler = (input, ctx, deps) => {
  input.check({ NextToken: PAGE_TOKEN, MaxResults: { required: true, min: 1, max: 60 } });
  const page = paginate(deps.pools.listInScope(ctx), (p) => p.id, input.integer('MaxResults') as number, input.string('NextToken'));
  return {
    UserPools: page.items.map((pool) => ({
      Id: pool.id,
      Name: pool.name,
      LambdaConfig: pool.settings['LambdaConfig'],
      LastModifiedDate: epochSeconds(pool.modified),
      CreationDate: epochSeconds(pool.created),
    })),
    ...(page.next && { NextToken: page.next }),
  };
};

const updateUserPool: Handler = (input, ctx, deps) => {
  input.check({
    UserPoolId: USER_POOL_ID,
    PoolName: { ...NAME, required: false },
    DeletionProtection: { enum: ['ACTIVE', 'INACTIVE'] },
    MfaConfiguration: { enum: ['OFF', 'ON', 'OPTIONAL'] },
  });
  const pool = deps.pools.inScope(ctx, input.requiredString('UserPoolId'));
  Object.assign(pool.settings, pick(input, UPDATABLE));
  if (input.has('Policies')) pool.settings['Policies'] = policies(input.any('Policies'));
  pool.name = input.string('PoolName') ?? pool.name;
  pool.modified = deps.now(ctx);
  return {};
};

const deleteUserPool: Handler = (input, ctx, deps) => {
  input.check({ UserPoolId: USER_POOL_ID });
  const pool = deps.pools.inScope(ctx, input.requiredString('UserPoolId'));
  if (pool.settings['DeletionProtection'] === 'ACTIVE') {
    throw invalidParameter('The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.');
  }
  deps.pools.delete(pool.id);
  return {};
};

export const poolHandlers: Record<string, Handler> = {
  CreateUserPool: createUserPool,
  DescribeUserPool: describeUserPool,
  ListUserPools: listUserPools,
  UpdateUserPool: updateUserPool,
  DeleteUserPool: deleteUserPool,
};

/** The password policy a pool enforces. */
export function passwordPolicy(pool: StoredPool): PasswordPolicy {
  return (pool.settings['Policies'] as { PasswordPolicy: PasswordPolicy }).PasswordPolicy;
}
