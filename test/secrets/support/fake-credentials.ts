// Recognisable fake credentials and passwords: any of them in an output is a leak.

export const ACCESS_KEY_ID = 'ASIALEAKTEST7KEYID42';
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/LeakTest0SecretKey';
/** Shaped like an STS session token, so the scanner's session-token pattern finds it too. */
export const SESSION_TOKEN = `IQoJb3JpZ2luX2VjELeakTest${'Fq9zSessionTokenBody0+/'.repeat(12)}`;
export const PASSWORD = 'Leak-Test-Pass-93!';

/** The AWS SDK's default chain reads these: the fake credentials and nothing from the machine's files. */
export function fakeCredentialsEnv(accessKeyId = ACCESS_KEY_ID): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
