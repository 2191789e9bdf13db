// IAM (awsQuery): roles, their trust policies, managed and inline policy attachments. IAM is global, so
// state is kept per account only.

import { AwsError, ScopedState, type Persistable, type RequestContext } from '../service.js';
import { QueryParams, validationError, type QueryService } from '../protocols/query.js';
import { paginate } from '../pagination.js';
import { awsId, isoSeconds } from '../ids.js';
import { encodePolicyDocument, parsePolicyDocument } from './policy-document.js';
import { MANAGED_POLICIES, MANAGED_POLICY_DATE } from './managed-policies.js';

export interface RoleRecord {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  /** Full ISO time, milliseconds kept: the IAM propagation delay is measured from it. */
  CreateDate: string;
  /** As the caller sent it; encoded only on the way out. */
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration: number;
  Tags: Array<{ Key: string; Value: string }>;
  attachedPolicyArns: string[];
  inlinePolicies: Record<string, string>;
}

interface AccountIam {
  /** Keyed by lower-cased name: IAM names are unique regardless of case. */
  roles: Record<string, RoleRecord>;
}

/** What STS and Lambda ask IAM. */
export interface IamDirectory {
  findRole(accountId: string, roleName: string): RoleRecord | undefined;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const PATH = /^\/([\x21-\x7e]*\/)?$/;

const noSuchRole = (name: string) => new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);

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

function maxItems(params: QueryParams): number {
  return params.integer('MaxItems', 1, 1000) ?? 100;
}

const invalidMarker = () => new AwsError('ValidationError', 'Invalid Marker.');

export function createIamService(): QueryService & Persistable & IamDirectory {
  const state = new ScopedState<AccountIam>(() => ({ roles: {} }));
  const account = (ctx: Pick<RequestContext, 'accountId'>) => state.get({ accountId: ctx.accountId, region: 'global' });

  function roleNamed(ctx: RequestContext, params: QueryParams): RoleRecord {
    const name = params.required('RoleName');
    const role = account(ctx).roles[name.toLowerCase()];
    if (!role) throw noSuchRole(name);
    return role;
  }

  function policyDocument(params: QueryParams, name: string, kind: 'trust' | 'identity'): string {
    const text = params.required(name);
    parsePolicyDocument(text, kind);
    return text;
  }

  function attachablePolicyArn(params: QueryParams): string {
    const arn = params.required('PolicyArn');
    if (!/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/.+$/.test(arn)) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
    return arn;
  }

  return {
    findRole: (accountId, roleName) => account({ accountId }).roles[roleName.toLowerCase()],

    exportState: () => state.toJSON(),
    importState: (json) => state.load(json as Record<string, AccountIam>),

    actions: {
      CreateRole(params, ctx) {
        const name = params.required('RoleName');
        if (!ROLE_NAME.test(name)) throw validationError('RoleName', name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
        const path = params.optional('Path') ?? '/';
        if (!PATH.test(path)) throw validationError('Path', path, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
        const document = policyDocument(params, 'AssumeRolePolicyDocument', 'trust');
        const roles = account(ctx).roles;
        if (roles[name.toLowerCase()]) throw new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
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
        roles[name.toLowerCase()] = role;
        return { Role: { ...roleView(role), Tags: role.Tags.length ? role.Tags : undefined } };
      },

      GetRole(params, ctx) {
        const role = roleNamed(ctx, params);
        return { Role: { ...roleView(role), RoleLastUsed: {}, Tags: role.Tags.length ? role.Tags : undefined } };
      },

      ListRoles(params, ctx) {
        const prefix = params.optional('PathPrefix') ?? '/';
        const roles = Object.values(account(ctx).roles)
          .filter((role) => role.Path.startsWith(prefix))
          .sort((a, b) => a.RoleName.localeCompare(b.RoleName));
        const page = paginate(roles, params.optional('Marker'), maxItems(params), invalidMarker);
        return { Roles: page.items.map(roleView), IsTruncated: page.nextMarker !== undefined, Marker: page.nextMarker };
      },

      DeleteRole(params, ctx) {
        const role = roleNamed(ctx, params);
        if (role.attachedPolicyArns.length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
        if (Object.keys(role.inlinePolicies).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
        delete account(ctx).roles[role.RoleName.toLowerCase()];
        return undefined;
      },

      UpdateAssumeRolePolicy(params, ctx) {
        const role = roleNamed(ctx, params);
        role.AssumeRolePolicyDocument = policyDocument(params, 'PolicyDocument', 'trust');
        return undefined;
      },

      AttachRolePolicy(params, ctx) {
        const role = roleNamed(ctx, params);
        const arn = attachablePolicyArn(params);
        if (!MANAGED_POLICIES.has(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
        if (!role.attachedPolicyArns.includes(arn)) role.attachedPolicyArns.push(arn);
        return undefined;
      },

      DetachRolePolicy(params, ctx) {
        const role = roleNamed(ctx, params);
        const arn = attachablePolicyArn(params);
        if (!role.attachedPolicyArns.includes(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
        role.attachedPolicyArns = role.attachedPolicyArns.filter((attached) => attached !== arn);
        return undefined;
      },

      ListAttachedRolePolicies(params, ctx) {
        const role = roleNamed(ctx, params);
        const prefix = params.optional('PathPrefix') ?? '/';
        const attached = role.attachedPolicyArns.flatMap((arn) => {
          const policy = MANAGED_POLICIES.get(arn);
          return policy?.Path.startsWith(prefix) ? [{ PolicyName: policy.PolicyName, PolicyArn: policy.Arn }] : [];
        });
        const page = paginate(attached, params.optional('Marker'), maxItems(params), invalidMarker);
        return { AttachedPolicies: page.items, IsTruncated: page.nextMarker !== undefined, Marker: page.nextMarker };
      },

      PutRolePolicy(params, ctx) {
        const role = roleNamed(ctx, params);
        const policyName = params.required('PolicyName');
        role.inlinePolicies[policyName] = policyDocument(params, 'PolicyDocument', 'identity');
        return undefined;
      },

      GetRolePolicy(params, ctx) {
        const role = roleNamed(ctx, params);
        const policyName = params.required('PolicyName');
        const document = role.inlinePolicies[policyName];
        if (document === undefined) throw new AwsError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
        return { RoleName: role.RoleName, PolicyName: policyName, PolicyDocument: encodePolicyDocument(document) };
      },

      DeleteRolePolicy(params, ctx) {
        const role = roleNamed(ctx, params);
        const policyName = params.required('PolicyName');
        if (role.inlinePolicies[policyName] === undefined) throw new AwsError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
        delete role.inlinePolicies[policyName];
        return undefined;
      },

      ListRolePolicies(params, ctx) {
        const role = roleNamed(ctx, params);
        const page = paginate(Object.keys(role.inlinePolicies).sort(), params.optional('Marker'), maxItems(params), invalidMarker);
        return { PolicyNames: page.items, IsTruncated: page.nextMarker !== undefined, Marker: page.nextMarker };
      },

      GetPolicy(params, ctx) {
        const arn = attachablePolicyArn(params);
        const policy = MANAGED_POLICIES.get(arn);
        if (!policy) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
        const attachments = Object.values(account(ctx).roles).filter((role) => role.attachedPolicyArns.includes(arn)).length;
        return {
          Policy: {
            PolicyName: policy.PolicyName,
            PolicyId: policy.PolicyId,
            Arn: policy.Arn,
            Path: policy.Path,
            DefaultVersionId: 'v1',
            AttachmentCount: attachments,
            PermissionsBoundaryUsageCount: 0,
            IsAttachable: true,
            Description: policy.Description,
            CreateDate: MANAGED_POLICY_DATE,
            UpdateDate: MANAGED_POLICY_DATE,
            Tags: [],
          },
        };
      },
    },
  };
}
