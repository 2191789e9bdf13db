// The lab user's password for the sign-in probe. It is only ever sent to Cognito: never printed, saved or reported.

export const PASSWORD_ENV = 'LAB_GRADER_PASSWORD';

/** --password, else LAB_GRADER_PASSWORD, else the lab spec's password (an empty value counts as not given). */
export function resolveProbePassword(flag: string | undefined, env: Record<string, string | undefined>, labPassword: string): string {
  for (const candidate of [flag, env[PASSWORD_ENV]]) if (candidate !== undefined && candidate !== '') return candidate;
  return labPassword;
}
