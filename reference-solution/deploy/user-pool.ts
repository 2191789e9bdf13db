// Activity 3: the user pool, found by the lab's name (the newest, when a learner made several) or created.
import { CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { newest, poolsNamed } from '../find.js';
import { logOutcome, type ReferenceContext } from '../context.js';
import { createOnce } from './create-once.js';

export interface DeployedPool {
  userPoolId: string;
  userPoolArn: string;
}

export async function deployUserPool(ctx: ReferenceContext): Promise<DeployedPool> {
  const name = ctx.lab.names.userPool;
  const newestId = async () => newest(await poolsNamed(ctx.clients, name), (pool) => pool.CreationDate)?.Id;
  const existing = await newestId();
  const userPoolId =
    existing ??
    (await createOnce(ctx, {
      what: `user pool ${name}`,
      create: async () => (await ctx.clients.once.cognito.send(new CreateUserPoolCommand({ PoolName: name }))).UserPool?.Id,
      findCreated: newestId,
    }));
  if (userPoolId === undefined) throw new Error(`CreateUserPool ${name} returned no pool id`);
  logOutcome(ctx, `user pool ${name}`, existing ? 'reused' : 'created', userPoolId);
  return { userPoolId, userPoolArn: userPoolArn(ctx, userPoolId) };
}

/** The ARN the lab builds for the authorizer: arn:aws:cognito-idp:<region>:<account>:userpool/<id>. */
export function userPoolArn(ctx: Pick<ReferenceContext, 'region' | 'accountId'>, userPoolId: string): string {
  return `arn:aws:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/${userPoolId}`;
}
