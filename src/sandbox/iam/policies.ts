// A role's policies: AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies (AWS managed policies),
// PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies (inline), and GetPolicy.

import type { QueryAction, QueryParams } from '../protocols/query.js';
import { AwsError } from '../service.js';
import { MANAGED_POLICIES, MANAGED_POLICY_DATE } from './managed-policies.js';
import { encodePolicyDocument } from './policy-document.js';
import { iamPage, policyDocumentParam, roleNamed } from './roles.js';
import type { IamState, RoleRecord } from './state.js';

function attachablePolicyArn(params: QueryParams): string {
  const arn = params.required('PolicyArn');
  if (!/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/.+$/.test(arn)) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
  return arn;
}

/** The inline policy's document, else NoSuchEntity. */
function inlinePolicy(role: RoleRecord, policyName: string): string {
  const document = Object.hasOwn(role.inlinePolicies, policyName) ? role.inlinePolicies[policyName] : undefined;
  if (document === undefined) throw new AwsError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
  return document;
}

export function policyActions(state: IamState): Record<string, QueryAction> {
  return {
    AttachRolePolicy(params, ctx) {
      const role = roleNamed(state, ctx, params);
      const arn = attachablePolicyArn(params);
      if (!MANAGED_POLICIES.has(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
      if (!role.attachedPolicyArns.includes(arn)) role.attachedPolicyArns.push(arn);
      return undefined;
    },

    DetachRolePolicy(params, ctx) {
      const role = roleNamed(state, ctx, params);
      const arn = attachablePolicyArn(params);
      if (!role.attachedPolicyArns.includes(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
      role.attachedPolicyArns = role.attachedPolicyArns.filter((attached) => attached !== arn);
      return undefined;
    },

    ListAttachedRolePolicies(params, ctx) {
      const role = roleNamed(state, ctx, params);
      const prefix = params.optional('PathPrefix') ?? '/';
      const attached = role.attachedPolicyArns.flatMap((arn) => {
        const policy = MANAGED_POLICIES.get(arn);
        return policy?.Path.startsWith(prefix) ? [{ PolicyName: policy.PolicyName, PolicyArn: policy.Arn }] : [];
      });
      const { items, ...paging } = iamPage(attached, params);
      return { AttachedPolicies: items, ...paging };
    },

    PutRolePolicy(params, ctx) {
      const role = roleNamed(state, ctx, params);
      const policyName = params.required('PolicyName');
      role.inlinePolicies[policyName] = policyDocumentParam(params, 'PolicyDocument', 'identity');
      return undefined;
    },

    GetRolePolicy(params, ctx) {
      const role = roleNamed(state, ctx, params);
      const policyName = params.required('PolicyName');
      return { RoleName: role.RoleName, PolicyName: policyName, PolicyDocument: encodePolicyDocument(inlinePolicy(role, policyName)) };
    },

    DeleteRolePolicy(params, ctx) {
      const role = roleNamed(state, ctx, params);
      const policyName = params.required('PolicyName');
      inlinePolicy(role, policyName);
      delete role.inlinePolicies[policyName];
      return undefined;
    },

    ListRolePolicies(params, ctx) {
      const role = roleNamed(state, ctx, params);
      const { items, ...paging } = iamPage(Object.keys(role.inlinePolicies).sort(), params);
      return { PolicyNames: items, ...paging };
    },

    GetPolicy(params, ctx) {
      const arn = attachablePolicyArn(params);
      const policy = MANAGED_POLICIES.get(arn);
      if (!policy) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
      const attachments = Object.values(state.roles(ctx.accountId)).filter((role) => role.attachedPolicyArns.includes(arn)).length;
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
  };
}
