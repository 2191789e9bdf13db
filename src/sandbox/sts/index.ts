// STS (awsQuery): the actions of its areas (the caller's identity, AssumeRole) over the sessions it issued.

import type { IssuedKeyLookup } from '../accounts.js';
import type { IamDirectory } from '../iam/state.js';
import type { QueryService } from '../protocols/query.js';
import type { Persistable } from '../service.js';
import { assumeRoleActions } from './assume-role.js';
import { identityActions } from './identity.js';
import { StsState } from './state.js';

export function createStsService(iam: IamDirectory): QueryService & Persistable & IssuedKeyLookup {
  const state = new StsState();
  return {
    actions: { ...identityActions(state), ...assumeRoleActions(state, iam) },
    ...state.persistence,
    issuedKey: (accessKeyId) => state.session(accessKeyId),
  };
}
