// CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy.

import { awsId, isoSeconds } from '../ids.js';
import { paginate } from '../pagination.js';
import { QueryParams, validationError, type QueryAction } from '../protocols/query.js';
import { AwsError, type RequestContext } from '../service.js';
import { encodePolicyDocument, parsePolicyDocument } from './policy-document.js';
import type { IamState, RoleRecord } from './state.js';

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const PATH = /^\/([\x21-\x7e]*\/)?$/;

export function roleView(role: RoleRecord) {
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
export const roleNamed = (state: IamState, ctx: RequestContext, params: QueryParams): RoleRecord => state.role(ctx.accountId, params.required('RoleName'));

/** A policy document member, validated as a trust or an identity policy; kept as the caller sent it. */
export function policyDocumentParam(params: QueryParams, name: string, kind: 'trust' | 'identity'): string {
  const text = params.required(name);
  parsePolicyDocument(text, kind);
  return text;
}

const invalidMarker = () => new AwsError('ValidationError', 'Invalid Marker.');

/** IAM's Marker / MaxItems paging: the page, and IsTruncated / Marker for the answer. */
export function iamPage<T>(items: readonly T[], params: QueryParams): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const page = paginate(items, params.optional('Marker'), params.integer('MaxItems', 1, 1000) ?? 100, invalidMarker);
  return { items: page.items, IsTruncated: page.nextMarker !== undefined, Marker: page.nextMarker };
}

export function roleActions(state: IamState): Record<string, QueryAction> {
  return {
    CreateRole(params, ctx) {
      const name = params.required('RoleName');
      if (!ROLE_NAME.test(name)) throw validationError('RoleName', name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
      const path = params.optional('Path') ?? '/';
      if (!PATH.test(path)) throw validationError('Path', path, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
      const document = policyDocumentParam(params, 'AssumeRolePolicyDocument', 'trust');
      if (state.findRole(ctx.accountId, name)) throw new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
      const role: RoleRecord = {
        RoleName: name,
        RoleId: awsId('AROA', 17),
        Arn: `arn:aws:iam::${ctx.accountId}:role${path}${name}`,
        Path: path,
        CreateDate: ctx.now.toISOString(),
        AssumeRolePolicyDocument: document,
        Description: params.optional('Description'),
        MaxSessionDuration: params.integer('MaxSessionDuration', 3600, 43200) ?? 3600,
        Tags: params.structList('Tags').map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' })),
        attachedPolicyArns: [],
        inlinePolicies: {},
      };
      state.roles(ctx.accountId)[name.toLowerCase()] = role;
      return { Role: { ...roleView(role), Tags: role.Tags.length ? role.Tags : undefined } };
    },

    GetRole(params, ctx) {
      const role = roleNamed(state, ctx, params);
      return { Role: { ...roleView(role), RoleLastUsed: {}, Tags: role.Tags.length ? role.Tags : undefined } };
    },

    ListRoles(params, ctx) {
      const prefix = params.optional('PathPrefix') ?? '/';
      const roles = Object.values(state.roles(ctx.accountId))
        .filter((role) => role.Path.startsWith(prefix))
        .sort((a, b) => a.RoleName.localeCompare(b.RoleName));
      const { items, ...paging } = iamPage(roles, params);
      return { Roles: items.map(roleView), ...paging };
    },

    DeleteRole(params, ctx) {
      const role = roleNamed(state, ctx, params);
      if (role.attachedPolicyArns.length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
      if (Object.keys(role.inlinePolicies).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
      delete state.roles(ctx.accountId)[role.RoleName.toLowerCase()];
      return undefined;
    },

    UpdateAssumeRolePolicy(params, ctx) {
      const role = roleNamed(state, ctx, params);
      role.AssumeRolePolicyDocument = policyDocumentParam(params, 'PolicyDocument', 'trust');
      return undefined;
    },
  };
}
