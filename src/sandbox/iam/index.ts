// IAM (awsQuery): the actions of its areas (roles, their policies) over the state they share.

import type { QueryService } from '../protocols/query.js';
import type { Persistable } from '../service.js';
import { policyActions } from './policies.js';
import { roleActions } from './roles.js';
import { IamState, type IamDirectory } from './state.js';

export type { IamDirectory, RoleRecord } from './state.js';

export function createIamService(): QueryService & Persistable & IamDirectory {
  const state = new IamState();
  return {
    actions: { ...roleActions(state), ...policyActions(state) },
    ...state.persistence,
    findRole: (accountId, roleName) => state.findRole(accountId, roleName),
  };
}
