// IAM: the role the lab function runs as (or, with no function to follow, the lab's role name),
// its trust policy and its attached managed policies. GetRole | ListAttachedRolePolicies.
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import type { AttachedPolicy, IamEvidence, IamRole, LambdaFunction, Observed } from '../snapshot/types.js';
import type { CollectContext } from './context.js';
import { isoDate, required } from './convert.js';
import { collectPages } from './paginate.js';
import { parseTrustPolicy } from './policy-document.js';

export async function collectIam(ctx: CollectContext, labFunction: Promise<Observed<LambdaFunction>>): Promise<IamEvidence> {
  const fn = await labFunction;
  const functionRole = fn.state === 'found' ? roleNameOf(fn.value.role) : null;
  const roleName = functionRole ?? ctx.lab.names.role;
  const [role, attachedPolicies] = await Promise.all([getRole(ctx, roleName), listAttachedPolicies(ctx, roleName)]);
  return { roleName, roleSource: functionRole === null ? 'lab-spec' : 'function', role, attachedPolicies };
}

/** arn:aws:iam::123456789012:role/some/path/name -> name (GetRole takes the name without the path). */
function roleNameOf(roleArn: string): string | null {
  return /^arn:aws[\w-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(roleArn)?.[1] ?? null;
}

function getRole(ctx: CollectContext, roleName: string): Promise<Observed<IamRole>> {
  return ctx.observe('iam:GetRole', async () => {
    const role = required((await ctx.clients.iam.send(new GetRoleCommand({ RoleName: roleName }))).Role, 'Role');
    return {
      roleName: required(role.RoleName, 'RoleName'),
      arn: required(role.Arn, 'Arn'),
      createDate: isoDate(role.CreateDate),
      trustPolicy: parseTrustPolicy(required(role.AssumeRolePolicyDocument, 'AssumeRolePolicyDocument')),
    };
  });
}

function listAttachedPolicies(ctx: CollectContext, roleName: string): Promise<Observed<AttachedPolicy[]>> {
  return ctx.observe('iam:ListAttachedRolePolicies', async () => {
    const policies = await collectPages(
      (Marker) => ctx.clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker })),
      (page) => ({ items: page.AttachedPolicies, next: page.IsTruncated ? page.Marker : undefined }),
    );
    return policies.map((policy) => ({
      policyName: required(policy.PolicyName, 'PolicyName'),
      policyArn: required(policy.PolicyArn, 'PolicyArn'),
    }));
  });
}
