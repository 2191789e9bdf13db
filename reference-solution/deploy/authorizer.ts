// Activity 8: the Cognito authorizer on the lab's pool. An authorizer of the lab's name that is wrong (another
// type, another pool, another header) is replaced rather than patched: it is renamed out of the way (names are
// unique in an API), the method is pointed at the new one, then the old ones are deleted (API Gateway refuses to
// delete an authorizer a method uses).
import { CreateAuthorizerCommand, DeleteAuthorizerCommand, GetAuthorizersCommand, UpdateAuthorizerCommand, type Authorizer } from '@aws-sdk/client-api-gateway';
import { logOutcome, type ReferenceContext } from '../context.js';
import { createOnce } from './create-once.js';

export interface DeployedAuthorizer {
  authorizerId: string;
  /** Other authorizers of the lab's name, to delete once no method uses them. */
  replaced: string[];
  changed: boolean;
}

function isLabAuthorizer(ctx: ReferenceContext, authorizer: Authorizer, userPoolArn: string): boolean {
  return (
    authorizer.type === 'COGNITO_USER_POOLS' &&
    authorizer.providerARNs?.length === 1 &&
    authorizer.providerARNs[0] === userPoolArn &&
    authorizer.identitySource === ctx.lab.expected.identitySource
  );
}

export async function deployAuthorizer(ctx: ReferenceContext, apiId: string, userPoolArn: string): Promise<DeployedAuthorizer> {
  const { apigateway } = ctx.clients;
  const name = ctx.lab.names.authorizer;
  const authorizersNamed = async () =>
    ((await apigateway.send(new GetAuthorizersCommand({ restApiId: apiId, limit: 500 }))).items ?? []).filter((authorizer) => authorizer.name === name);
  const named = await authorizersNamed();
  const good = named.find((authorizer) => isLabAuthorizer(ctx, authorizer, userPoolArn));
  if (!good) {
    for (const { id } of named) {
      await apigateway.send(
        new UpdateAuthorizerCommand({ restApiId: apiId, authorizerId: id, patchOperations: [{ op: 'replace', path: '/name', value: `${name}-${id}` }] }),
      );
    }
  }
  const authorizerId =
    good?.id ??
    (await createOnce(ctx, {
      what: `authorizer ${name}`,
      create: async () =>
        (
          await ctx.clients.once.apigateway.send(
            new CreateAuthorizerCommand({
              restApiId: apiId,
              name,
              type: 'COGNITO_USER_POOLS',
              providerARNs: [userPoolArn],
              identitySource: ctx.lab.expected.identitySource,
            }),
          )
        ).id,
      // None of the lab's was there before: one there now is the lost create's.
      findCreated: async () => (await authorizersNamed()).find((authorizer) => isLabAuthorizer(ctx, authorizer, userPoolArn))?.id,
    }));
  if (authorizerId === undefined) throw new Error(`CreateAuthorizer ${name} returned no id`);
  logOutcome(ctx, `authorizer ${name}`, good ? 'reused' : 'created', authorizerId);
  const replaced = named.map((authorizer) => authorizer.id).filter((id): id is string => id !== undefined && id !== authorizerId);
  return { authorizerId, replaced, changed: !good };
}

export async function deleteReplacedAuthorizers(ctx: ReferenceContext, apiId: string, replaced: readonly string[]): Promise<void> {
  for (const authorizerId of replaced) {
    await ctx.clients.apigateway.send(new DeleteAuthorizerCommand({ restApiId: apiId, authorizerId }));
    ctx.log(`authorizer ${ctx.lab.names.authorizer}: deleted ${authorizerId}, which was not the lab's`);
  }
}
