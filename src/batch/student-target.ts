// The Target for one student: the instructor's credentials assume the student's grading role, with a session
// name that says in the student's CloudTrail which student's grade made the calls.
import { assumeRoleTarget, resolveTarget, type Target } from '../target/target.js';
import type { RosterEntry } from './roster.js';

export interface InstructorOptions {
  /** The instructor's own credentials: this profile, or the default chain. */
  profile?: string;
  endpointUrl?: string;
  timeoutMs?: number;
  maxAttempts?: number;
  /** The instructor's target given whole (the class demo's sandbox account), instead of resolved from the above. */
  target?: (region: string) => Target;
}

// AssumeRole's RoleSessionName: 2 to 64 characters of [\w+=,.@-].
const SESSION_NAME_MAX = 64;

export function roleSessionName(studentId: string): string {
  return `lab-grader-${studentId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, SESSION_NAME_MAX);
}

/**
 * Builds targets for students; the instructor's base credentials are resolved once per region and shared,
 * so the default chain (or SSO) is not walked again for every student.
 */
export function createStudentTargets(instructor: InstructorOptions): (entry: RosterEntry, region: string) => Target {
  const bases = new Map<string, Target>();
  const baseFor = (region: string): Target => {
    let base = bases.get(region);
    if (!base) {
      const { target, ...options } = instructor;
      base = target ? target(region) : resolveTarget({ region, ...options });
      bases.set(region, base);
    }
    return base;
  };

  return (entry, region) => {
    if (entry.access.kind === 'profile') {
      const { profile, target, ...rest } = instructor;
      return resolveTarget({ region, ...rest, profile: entry.access.profile });
    }
    return assumeRoleTarget(baseFor(region), {
      roleArn: entry.access.roleArn,
      externalId: entry.access.externalId,
      sessionName: roleSessionName(entry.studentId),
    });
  };
}
