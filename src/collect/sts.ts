// Who the grader is in the account. GetCallerIdentity needs no permission, so it also proves the credentials.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { CallerIdentity, Observed } from '../snapshot/types.js';
import type { CollectContext } from './context.js';
import { required } from './convert.js';

export const GET_CALLER_IDENTITY = 'sts:GetCallerIdentity';

export function collectIdentity(ctx: CollectContext): Promise<Observed<CallerIdentity>> {
  return ctx.observe(GET_CALLER_IDENTITY, async () => {
    const output = await ctx.clients.sts.send(new GetCallerIdentityCommand({}));
    return {
      account: required(output.Account, 'Account'),
      arn: required(output.Arn, 'Arn'),
      userId: required(output.UserId, 'UserId'),
    };
  });
}
