// IAM: the role the lab function runs as (or, with no function to follow, the lab's role name),
// its trust policy and its attached managed policies. GetRole | ListAttachedRolePolicies; a missing lab role is
// looked for under near-miss names (ListRoles).
import { GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import type { AttachedPolicy, IamEvidence, IamRole, LambdaFunction, NearMiss, Observed } from '../snapshot/types.js';
import type { CollectContext } from './context.js';
import { isoDate, required } from './convert.js';
import { nearMissesOf } from './near-miss.js';
import { collectPages } from './paginate.js';
import { parseTrustPolicy } from './policy-document.js';

/** The most ListRoles returns per page. */
const PAGE_SIZE = 1000;

export async function collectIam(ctx: CollectContext, labFunction: Promise<Observed<LambdaFunction>>): Promise<IamEvidence> {
  const fn = await labFunction;
  const functionRole = fn.state === 'found' ? roleNameOf(fn.value.role) : null;
  const roleName = functionRole ?? ctx.lab.names.role;
  const [role, attachedPolicies] = await Promise.all([getRole(ctx, roleName), listAttachedPolicies(ctx, roleName)]);
  const roleSource = functionRole === null ? 'lab-spec' : 'function';
  // A role the function names is the learner's, whatever its name: only the lab's name can be mistyped.
  if (role.state !== 'absent' || roleSource === 'function') return { roleName, roleSource, role, attachedPolicies };
  return { roleName, roleSource, role, attachedPolicies, roleNearMisses: await listRoleNearMisses(ctx, roleName) };
}

/** ListRoles: the account's roles (IAM is global), for names one edit away from the lab's. */
function listRoleNearMisses(ctx: CollectContext, roleName: string): Promise<Observed<NearMiss[]>> {
  return ctx.observe('iam:ListRoles', async () => {
    const roles = await collectPages(
      (Marker) => ctx.clients.iam.send(new ListRolesCommand({ Marker, MaxItems: PAGE_SIZE })),
      (page) => ({ items: page.Roles, next: page.IsTruncated ? page.Marker : undefined }),
    );
    return nearMissesOf(roles, roleName, (role) => ({ name: role.RoleName ?? '', id: role.Arn ?? '' }));
  });
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
