// A role's policies: AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies (AWS managed policies),
// PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies (inline), and GetPolicy.

import type { Input } from '../input.js';
import type { QueryAction } from '../protocols/query.js';
import { AwsError, own } from '../service.js';
import { queryActions } from './input.js';
import { MANAGED_POLICIES, MANAGED_POLICY_DATE } from './managed-policies.js';
import { encodePolicyDocument } from './policy-document.js';
import { iamPage, policyDocumentParam, roleNamed } from './roles.js';
import type { IamState, RoleRecord } from './state.js';

function attachablePolicyArn(input: Input): string {
  const arn = input.requiredString('PolicyArn');
  if (!/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/.+$/.test(arn)) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
  return arn;
}

/** The inline policy's document, else NoSuchEntity. */
function inlinePolicy(role: RoleRecord, policyName: string): string {
  const document = own(role.inlinePolicies, policyName);
  if (document === undefined) throw new AwsError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
  return document;
}

export function policyActions(state: IamState): Record<string, QueryAction> {
  return queryActions({
    AttachRolePolicy(input, ctx) {
      const role = roleNamed(state, ctx, input);
      const arn = attachablePolicyArn(input);
      if (!MANAGED_POLICIES.has(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
      if (!role.attachedPolicyArns.includes(arn)) role.attachedPolicyArns.push(arn);
      return undefined;
    },

    DetachRolePolicy(input, ctx) {
      const role = roleNamed(state, ctx, input);
      const arn = attachablePolicyArn(input);
      if (!role.attachedPolicyArns.includes(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
      role.attachedPolicyArns = role.attachedPolicyArns.filter((attached) => attached !== arn);
      return undefined;
    },

    ListAttachedRolePolicies(input, ctx) {
      const role = roleNamed(state, ctx, input);
      const prefix = input.string('PathPrefix') ?? '/';
      const attached = role.attachedPolicyArns.flatMap((arn) => {
        const policy = MANAGED_POLICIES.get(arn);
        return policy?.Path.startsWith(prefix) ? [{ PolicyName: policy.PolicyName, PolicyArn: policy.Arn }] : [];
      });
      const { items, ...paging } = iamPage(attached, input);
      return { AttachedPolicies: items, ...paging };
    },

    PutRolePolicy(input, ctx) {
      const role = roleNamed(state, ctx, input);
      const policyName = input.requiredString('PolicyName');
      role.inlinePolicies[policyName] = policyDocumentParam(input, 'PolicyDocument', 'identity');
      return undefined;
    },

    GetRolePolicy(input, ctx) {
      const role = roleNamed(state, ctx, input);
      const policyName = input.requiredString('PolicyName');
      return { RoleName: role.RoleName, PolicyName: policyName, PolicyDocument: encodePolicyDocument(inlinePolicy(role, policyName)) };
    },

    DeleteRolePolicy(input, ctx) {
      const role = roleNamed(state, ctx, input);
      const policyName = input.requiredString('PolicyName');
      inlinePolicy(role, policyName);
      delete role.inlinePolicies[policyName];
      return undefined;
    },

    ListRolePolicies(input, ctx) {
      const role = roleNamed(state, ctx, input);
      const { items, ...paging } = iamPage(Object.keys(role.inlinePolicies).sort(), input);
      return { PolicyNames: items, ...paging };
    },

    GetPolicy(input, ctx) {
      const arn = attachablePolicyArn(input);
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
  });
}
