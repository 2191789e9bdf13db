// What to tell a user who has no credentials, or whose credentials AWS did not accept: where they came from and how to fix it.
// Names the source (profile, role, default chain), never a key, token or secret.
import type { ObservationError } from '../snapshot/types.js';
import { TARGET_FLAGS, type BaseCredentialSource, type CredentialSource } from './target.js';

export function describeCredentialSource(source: CredentialSource): string {
  switch (source.kind) {
    case 'default-chain':
      return 'the default credential chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, then the default profile in ~/.aws/credentials and ~/.aws/config, then the container or instance role)';
    case 'profile':
      return `the profile "${source.profile}" (~/.aws/credentials and ~/.aws/config)`;
    case 'role':
      return `the role ${source.roleArn}, assumed with credentials from ${describeCredentialSource(source.base)}`;
  }
}

// The SDK's own errors when it has no credentials to send (none configured, an SSO token missing): AWS was not asked.
const NOT_FOUND = new Set(['CredentialsProviderError', 'TokenProviderError']);

/**
 * One paragraph for a CannotGradeError (the CLI puts "Cannot grade:" before it): whether no credentials were
 * found or AWS refused the ones sent, where they came from, and how to fix it. `error` is already sanitised.
 */
export function credentialsFailureMessage(source: CredentialSource, error: Pick<ObservationError, 'code' | 'message'>): string {
  const what = NOT_FOUND.has(error.code)
    ? `no AWS credentials were found in ${describeCredentialSource(source)}`
    : `AWS did not accept the credentials from ${describeCredentialSource(source)}`;
  return `${what} (${error.code}: ${error.message}). ${howToFix(source)}`;
}

function howToFix(source: CredentialSource): string {
  switch (source.kind) {
    case 'default-chain':
      return (
        'Run `aws configure` (or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, plus AWS_SESSION_TOKEN for temporary keys), ' +
        `or pass ${TARGET_FLAGS.profile} with a profile that works. Temporary credentials expire: sign in again ` +
        '(`aws sso login`, or reopen your lab access) and retry. In AWS CloudShell the credentials are automatic, ' +
        'so running lab-grader there needs no setup. `aws sts get-caller-identity` shows whether the credentials work.'
      );
    case 'profile':
      return (
        `Check the profile with \`aws sts get-caller-identity --profile ${source.profile}\`; create or repair it with ` +
        `\`aws configure --profile ${source.profile}\` (or \`aws sso login --profile ${source.profile}\` for SSO), ` +
        `or drop ${TARGET_FLAGS.profile} to use the default credentials (automatic in AWS CloudShell).`
      );
    case 'role':
      return (
        `Check that the base credentials work (\`aws sts get-caller-identity${profileFlag(source.base)}\`), ` +
        "that the role's trust policy lets that identity assume it, and that " +
        (source.externalId === null
          ? `the trust policy does not require an ExternalId (give it with ${TARGET_FLAGS.externalId}, or a roster's external_id column, if it does).`
          : `the ExternalId given (${TARGET_FLAGS.externalId}, or the roster's external_id) matches the trust policy's sts:ExternalId condition.`)
      );
  }
}

function profileFlag(base: BaseCredentialSource): string {
  return base.kind === 'profile' ? ` --profile ${base.profile}` : '';
}
