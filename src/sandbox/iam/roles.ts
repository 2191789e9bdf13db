// CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy.

import { awsId, isoSeconds } from '../ids.js';
import { paginate } from '../pagination.js';
import type { Input } from '../input.js';
import type { QueryAction } from '../protocols/query.js';
import { AwsError, type RequestContext } from '../service.js';
import { queryActions } from './input.js';
import { encodePolicyDocument, parsePolicyDocument } from './policy-document.js';
import type { IamState, RoleRecord } from './state.js';

const ROLE_NAME = { pattern: /^[\w+=,.@-]{1,64}$/, patternText: '[\\w+=,.@-]+' };
const PATH = { pattern: /^\/([\x21-\x7e]*\/)?$/, patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' };

function roleView(role: RoleRecord) {
  return {
    Path: role.Path,
    RoleName: role.RoleName,
    RoleId: role.RoleId,
    Arn: role.Arn,
    CreateDate: isoSeconds(role.CreateDate),
    AssumeRolePolicyDocument: encodePolicyDocument(role.AssumeRolePolicyDocument),
    Description: role.Description,
    MaxSessionDuration: role.MaxSessionDuration,
  };
}

/** The role the request's RoleName names, else NoSuchEntity. */
export const roleNamed = (state: IamState, ctx: RequestContext, input: Input): RoleRecord => state.role(ctx.accountId, input.requiredString('RoleName'));

/** A policy document member, validated as a trust or an identity policy; kept as the caller sent it. */
export function policyDocumentParam(input: Input, name: string, kind: 'trust' | 'identity'): string {
  const text = input.requiredString(name);
  parsePolicyDocument(text, kind);
  return text;
}

const invalidMarker = () => new AwsError('ValidationError', 'Invalid Marker.');

/** IAM's Marker / MaxItems paging: the page, and IsTruncated / Marker for the answer. */
export function iamPage<T>(items: readonly T[], input: Input): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const page = paginate(items, input.string('Marker'), input.integer('MaxItems', { min: 1, max: 1000 }) ?? 100, invalidMarker);
  return { items: page.items, IsTruncated: page.nextMarker !== undefined, Marker: page.nextMarker };
}

export function roleActions(state: IamState): Record<string, QueryAction> {
  return queryActions({
    CreateRole(input, ctx) {
      const name = input.requiredString('RoleName', ROLE_NAME);
      const path = input.string('Path', PATH) ?? '/';
      const document = policyDocumentParam(input, 'AssumeRolePolicyDocument', 'trust');
      if (state.findRole(ctx.accountId, name)) throw new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
      const role: RoleRecord = {
        RoleName: name,
        RoleId: awsId('AROA', 17),
        Arn: `arn:aws:iam::${ctx.accountId}:role${path}${name}`,
        Path: path,
        CreateDate: ctx.now.toISOString(),
        AssumeRolePolicyDocument: document,
        Description: input.string('Description'),
        MaxSessionDuration: input.integer('MaxSessionDuration', { min: 3600, max: 43200 }) ?? 3600,
        Tags: input.structList('Tags').map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' })),
        attachedPolicyArns: [],
        inlinePolicies: {},
      };
      state.roles(ctx.accountId)[name.toLowerCase()] = role;
      return { Role: { ...roleView(role), Tags: role.Tags.length ? role.Tags : undefined } };
    },

    GetRole(input, ctx) {
      const role = roleNamed(state, ctx, input);
      return { Role: { ...roleView(role), RoleLastUsed: {}, Tags: role.Tags.length ? role.Tags : undefined } };
    },

    ListRoles(input, ctx) {
      const prefix = input.string('PathPrefix') ?? '/';
      const roles = Object.values(state.roles(ctx.accountId))
        .filter((role) => role.Path.startsWith(prefix))
        .sort((a, b) => a.RoleName.localeCompare(b.RoleName));
      const { items, ...paging } = iamPage(roles, input);
      return { Roles: items.map(roleView), ...paging };
    },

    DeleteRole(input, ctx) {
      const role = roleNamed(state, ctx, input);
      if (role.attachedPolicyArns.length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
      if (Object.keys(role.inlinePolicies).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
      delete state.roles(ctx.accountId)[role.RoleName.toLowerCase()];
      return undefined;
    },

    UpdateAssumeRolePolicy(input, ctx) {
      const role = roleNamed(state, ctx, input);
      role.AssumeRolePolicyDocument = policyDocumentParam(input, 'PolicyDocument', 'trust');
      return undefined;
    },
  });
}
