// What STS stores: the role sessions of the keys it issued (never their secrets), by access key id, so that
// later requests signed with such a key act in the role's account.

import { versionedState } from '../persistence.js';
import { own, type Persistable } from '../service.js';

export interface RoleSession {
  accountId: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  expiration: string;
}

export class StsState {
  private sessions: Record<string, RoleSession> = {};

  /** Version 1 added the version; files written before it were `{ "sessions": {...} }`. */
  readonly persistence: Persistable = versionedState(
    { service: 'sts', version: 1, members: ['sessions'], unversioned: (document) => ({ sessions: (document.sessions ?? {}) as Record<string, RoleSession> }) },
    () => ({ sessions: this.sessions }),
    ({ sessions }) => {
      this.sessions = sessions;
    },
  );

  session(accessKeyId: string | null): RoleSession | undefined {
    return accessKeyId === null ? undefined : own(this.sessions, accessKeyId);
  }

  add(accessKeyId: string, session: RoleSession): void {
    this.sessions[accessKeyId] = session;
  }
}
