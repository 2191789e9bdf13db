// Activity 4: the app client, with the lab's flows and no secret. A client with a secret cannot lose it,
// so it is replaced; one with other flows is updated.
import {
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  UpdateUserPoolClientCommand,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientsNamed } from '../find.js';
import { logOutcome, type ReferenceContext, type Outcome } from '../context.js';
import { createOnce } from './create-once.js';

/** As the lab's create-user-pool-client: the legacy flow names, echoed back unchanged by Describe. */
export const LAB_AUTH_FLOWS: ExplicitAuthFlowsType[] = ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'];

function hasLabFlows(flows: readonly ExplicitAuthFlowsType[] = []): boolean {
  return flows.length === LAB_AUTH_FLOWS.length && LAB_AUTH_FLOWS.every((flow) => flows.includes(flow));
}

export async function deployAppClient(ctx: ReferenceContext, userPoolId: string): Promise<{ clientId: string }> {
  const name = ctx.lab.names.appClient;
  const { cognito } = ctx.clients;
  for (const { ClientId } of await clientsNamed(ctx.clients, userPoolId, name)) {
    if (ClientId === undefined) continue;
    const client = (await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId }))).UserPoolClient;
    if (client?.ClientSecret !== undefined) {
      await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId }));
      ctx.log(`app client ${name}: deleted ${ClientId}, whose secret the lab's sign-in cannot send`);
      continue;
    }
    let outcome: Outcome = 'reused';
    if (!hasLabFlows(client?.ExplicitAuthFlows)) {
      await cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId, ExplicitAuthFlows: LAB_AUTH_FLOWS }));
      outcome = 'updated';
    }
    logOutcome(ctx, `app client ${name}`, outcome, ClientId);
    return { clientId: ClientId };
  }
  const clientId = await createOnce(ctx, {
    what: `app client ${name}`,
    create: async () =>
      (
        await ctx.clients.once.cognito.send(
          new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: name, ExplicitAuthFlows: LAB_AUTH_FLOWS, GenerateSecret: false }),
        )
      ).UserPoolClient?.ClientId,
    // The clients of this name with a secret were deleted above: one found now is the lost create's.
    findCreated: async () => (await clientsNamed(ctx.clients, userPoolId, name))[0]?.ClientId,
  });
  if (clientId === undefined) throw new Error(`CreateUserPoolClient ${name} returned no client id`);
  logOutcome(ctx, `app client ${name}`, 'created', clientId);
  return { clientId };
}
