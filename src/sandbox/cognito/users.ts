// AdminCreateUser, AdminSetUserPassword, AdminGetUser, ListUsers, AdminDeleteUser, AdminDisableUser,
// AdminEnableUser.

import type { Input } from '../input.js';
import { randomInt, randomUUID } from 'node:crypto';
import { AwsError, own, type RequestContext } from '../service.js';
import { invalidParameter, userNotFound } from './errors.js';
import type { CognitoDeps, Handler } from './handler.js';
import { paginate } from './pagination.js';
import { enforcePolicy, hashPassword } from './passwords.js';
import { passwordPolicy } from './pools.js';
import { epochSeconds, userKey, type StoredPool, type StoredUser } from './state.js';
import { PAGE_TOKEN, PASSWORD, USERNAME, USER_POOL_ID, type Rules } from './input.js';

/** A user's attributes in the API's list form, sub first. */
function attributeList(user: StoredUser, only?: string[]): { Name: string; Value: string }[] {
  const all = [{ Name: 'sub', Value: user.sub }, ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }))];
  return only ? all.filter((a) => only.includes(a.Name)) : all;
}

function describeUser(user: StoredUser, attributesKey: 'Attributes' | 'UserAttributes', only?: string[]): Record<string, unknown> {
  return {
    Username: user.username,
    [attributesKey]: attributeList(user, only),
    UserCreateDate: epochSeconds(user.created),
    UserLastModifiedDate: epochSeconds(user.modified),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** The user named in a request to an admin operation, with its pool; else UserNotFoundException. */
function userOf(input: Input, ctx: RequestContext, deps: CognitoDeps, moreRules: Rules = {}): { pool: StoredPool; user: StoredUser } {
  input.check({ UserPoolId: USER_POOL_ID, Username: USERNAME, ...moreRules });
  const pool = deps.pools.inScope(ctx, input.requiredString('UserPoolId'));
  const user = own(pool.users, userKey(pool, input.requiredString('Username')));
  if (!user) throw userNotFound();
  return { pool, user };
}

/** Attributes of an AdminCreateUser request; each must be in the pool's schema. */
function requestedAttributes(pool: StoredPool, given: unknown): Record<string, string> {
  if (!Array.isArray(given)) return {};
  const schema = new Set((pool.settings['SchemaAttributes'] as { Name: string }[]).map((a) => a.Name));
  const attributes: Record<string, string> = {};
  for (const entry of given as { Name?: unknown; Value?: unknown }[]) {
    if (typeof entry.Name !== 'string') continue;
    if (!schema.has(entry.Name) || entry.Name === 'sub') {
      throw invalidParameter(`Attributes did not conform to the schema: ${entry.Name}: Attribute does not exist in the schema.`);
    }
    attributes[entry.Name] = typeof entry.Value === 'string' ? entry.Value : '';
  }
  return attributes;
}

/** A temporary password that meets any policy, for AdminCreateUser without TemporaryPassword. */
function generatedPassword(minimumLength: number): string {
  const pools = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!#$%&*?@'];
  const chars = pools.map((p) => p[randomInt(p.length)]);
  while (chars.length < Math.max(minimumLength, 12)) {
    const p = pools[randomInt(pools.length)] as string;
    chars.push(p[randomInt(p.length)]);
  }
  return chars.join('');
}

const adminCreateUser: Handler = async (input, ctx, deps) => {
  input.check({
    UserPoolId: USER_POOL_ID,
    Username: USERNAME,
    TemporaryPassword: PASSWORD,
    MessageAction: { enum: ['RESEND', 'SUPPRESS'] },
  });
  const pool = deps.pools.inScope(ctx, input.requiredString('UserPoolId'));
  const username = input.requiredString('Username');
  const key = userKey(pool, username);
  const existing = own(pool.users, key);
  const resend = input.string('MessageAction') === 'RESEND';
  if (resend && !existing) throw userNotFound();
  if (!resend && existing) throw new AwsError('UsernameExistsException', 'User account already exists');
  if (resend && existing?.status !== 'FORCE_CHANGE_PASSWORD') {
    throw new AwsError('UnsupportedUserStateException', 'Resend not possible. User status is CONFIRMED.');
  }

  const policy = passwordPolicy(pool);
  const temporary = input.string('TemporaryPassword');
  if (temporary !== undefined) enforcePolicy(policy, temporary, 'did not conform with');
  const password = await hashPassword(temporary ?? generatedPassword(policy.MinimumLength));
  const now = deps.now(ctx);
  const user: StoredUser = existing
    ? { ...existing, password, modified: now }
    : {
        username,
        sub: randomUUID(),
        attributes: requestedAttributes(pool, input.any('UserAttributes')),
        status: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        password,
        created: now,
        modified: now,
      };
  pool.users[key] = user;
  return { User: describeUser(user, 'Attributes') };
};

const adminSetUserPassword: Handler = async (input, ctx, deps) => {
  const { pool, user } = userOf(input, ctx, deps, { Password: { ...PASSWORD, required: true } });
  const password = input.requiredString('Password');
  enforcePolicy(passwordPolicy(pool), password, 'does not conform to');
  user.password = await hashPassword(password);
  user.status = input.boolean('Permanent') === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.modified = deps.now(ctx);
  return {};
};

const adminGetUser: Handler = (input, ctx, deps) => describeUser(userOf(input, ctx, deps).user, 'UserAttributes');

// ListUsers filters: `name = "value"` (exact) or `name ^= "value"` (prefix) on these attributes.
const SEARCHABLE = new Set([
  'username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub',
]);

function userFilter(filter: string | undefined): (user: StoredUser) => boolean {
  if (filter === undefined || filter.trim() === '') return () => true;
  const parsed = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!parsed) throw invalidParameter('Error while parsing filter.');
  const [, attribute = '', operator, value = ''] = parsed;
  if (!SEARCHABLE.has(attribute)) throw invalidParameter(`Invalid search attribute: ${attribute}`);
  const valueOf = (user: StoredUser): string | undefined => {
    if (attribute === 'username') return user.username;
    if (attribute === 'sub') return user.sub;
    if (attribute === 'cognito:user_status') return user.status;
    if (attribute === 'status') return user.enabled ? 'Enabled' : 'Disabled';
    return user.attributes[attribute];
  };
  return (user) => {
    const actual = valueOf(user);
    return actual !== undefined && (operator === '=' ? actual === value : actual.startsWith(value));
  };
}

const listUsers: Handler = (input, ctx, deps) => {
  input.check({
    UserPoolId: USER_POOL_ID,
    Limit: { min: 0, max: 60 },
    PaginationToken: PAGE_TOKEN,
    Filter: { max: 256 },
  });
  const pool = deps.pools.inScope(ctx, input.requiredString('UserPoolId'));
  const matching = Object.values(pool.users).filter(userFilter(input.string('Filter')));
  const limit = input.integer('Limit') || 60;
  const page = paginate(matching, (u) => u.username, limit, input.string('PaginationToken'));
  const only = input.stringList('AttributesToGet');
  return {
    Users: page.items.map((user) => describeUser(user, 'Attributes', only)),
    ...(page.next && { PaginationToken: page.next }),
  };
};

const adminDeleteUser: Handler = (input, ctx, deps) => {
  const { pool, user } = userOf(input, ctx, deps);
  delete pool.users[userKey(pool, user.username)];
  return {};
};

function setEnabled(enabled: boolean): Handler {
  return (input, ctx, deps) => {
    const { user } = userOf(input, ctx, deps);
    user.enabled = enabled;
    user.modified = deps.now(ctx);
    return {};
  };
}

export const userHandlers: Record<string, Handler> = {
  AdminCreateUser: adminCreateUser,
  AdminSetUserPassword: adminSetUserPassword,
  AdminGetUser: adminGetUser,
  ListUsers: listUsers,
  AdminDeleteUser: adminDeleteUser,
  AdminDisableUser: setEnabled(false),
  AdminEnableUser: setEnabled(true),
};
