// Activity 5: the test user, created with a temporary password and no message, then given the permanent one.
// Setting the password every run also repairs a user left in FORCE_CHANGE_PASSWORD or given another password.
import { AdminCreateUserCommand, AdminGetUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { unlessNotFound } from '../aws-errors.js';
import { logOutcome, type ReferenceContext } from '../context.js';
import { createOnce } from './create-once.js';

/** The lab's temporary password (Activity 5); it is replaced at once. */
export const LAB_TEMPORARY_PASSWORD = 'TempPass123!';

export async function deployTestUser(ctx: ReferenceContext, userPoolId: string, password: string): Promise<void> {
  const Username = ctx.lab.names.username;
  const { cognito } = ctx.clients;
  const getUser = () => unlessNotFound(cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username })), 'UserNotFoundException');
  const existing = await getUser();
  if (!existing) {
    await createOnce(ctx, {
      what: `user ${Username}`,
      create: async () =>
        (
          await ctx.clients.once.cognito.send(
            new AdminCreateUserCommand({ UserPoolId: userPoolId, Username, TemporaryPassword: LAB_TEMPORARY_PASSWORD, MessageAction: 'SUPPRESS' }),
          )
        ).User?.Username,
      findCreated: async () => (await getUser())?.Username,
    });
  }
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username, Password: password, Permanent: true }));
  logOutcome(ctx, `user ${Username} (permanent password set)`, existing ? 'reused' : 'created', userPoolId);
}
