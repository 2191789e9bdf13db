// What IAM stores: per account (IAM is global, so there is no region), roles with their trust policy and
// their managed and inline policies. Lambda and STS look roles up through IamDirectory.

import { versionedState } from '../persistence.js';
import { AwsError, own, ScopedState, type Persistable } from '../service.js';

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

const noSuchRole = (name: string) => new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);

export class IamState implements IamDirectory {
  private readonly scoped = new ScopedState<AccountIam>(() => ({ roles: {} }));

  /** Version 1 added the version; files written before it are the scopes map itself. */
  readonly persistence: Persistable = versionedState(
    { service: 'iam', version: 1, members: ['scopes'], unversioned: (scopes) => ({ scopes: scopes as Record<string, AccountIam> }) },
    () => ({ scopes: this.scoped.toJSON() }),
    ({ scopes }) => this.scoped.load(scopes),
  );

  /** The account's roles, keyed by lower-cased name. */
  roles(accountId: string): Record<string, RoleRecord> {
    return this.scoped.get({ accountId, region: 'global' }).roles;
  }

  findRole(accountId: string, roleName: string): RoleRecord | undefined {
    return own(this.roles(accountId), roleName.toLowerCase());
  }

  /** The role, else IAM's NoSuchEntity. */
  role(accountId: string, roleName: string): RoleRecord {
    const role = this.findRole(accountId, roleName);
    if (!role) throw noSuchRole(roleName);
    return role;
  }
}
