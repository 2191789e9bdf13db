// Activity 10: the deployment to prod. A deployment freezes the API, so a new one is made whenever this run
// changed the API, there is no prod stage, or what prod serves (read back with GetExport) is not the lab's.
import { CreateDeploymentCommand, GetExportCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { unlessNotFound } from '../aws-errors.js';
import { logOutcome, type ReferenceContext } from '../context.js';
import { createOnce } from './create-once.js';

export interface StageTarget {
  apiId: string;
  userPoolArn: string;
  /** The integration URI GET /hello must invoke. */
  integrationUri: string;
  /** This run changed the API, so prod is out of date whatever it serves. */
  apiChanged: boolean;
}

interface OpenApiOperation {
  security?: Record<string, unknown>[];
  'x-amazon-apigateway-integration'?: { type?: string; httpMethod?: string; uri?: string };
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: {
    securitySchemes?: Record<string, { name?: string; 'x-amazon-apigateway-authtype'?: string; 'x-amazon-apigateway-authorizer'?: { providerARNs?: string[] } }>;
  };
}

/** An export's operation keys but OPTIONS, which answers CORS preflights without credentials. */
const OPERATION_KEY = /^(get|put|post|delete|head|patch|x-amazon-apigateway-any-method)$/;

/**
 * Whether the deployed stage serves GET /hello behind a Cognito authorizer on the pool that reads the lab's header,
 * integrated with the function, and no method without a token (OPTIONS aside).
 */
async function servesLabMethod(ctx: ReferenceContext, target: StageTarget): Promise<boolean> {
  const exported = await ctx.clients.apigateway.send(
    new GetExportCommand({
      restApiId: target.apiId,
      stageName: ctx.lab.names.stage,
      exportType: 'oas30',
      parameters: { extensions: 'integrations,authorizers' },
      accepts: 'application/json',
    }),
  );
  const doc = JSON.parse(new TextDecoder().decode(exported.body)) as OpenApiDocument;
  const operation = doc.paths?.[ctx.lab.names.resourcePath]?.[ctx.lab.names.httpMethod.toLowerCase()];
  const integration = operation?.['x-amazon-apigateway-integration'];
  const schemeName = Object.keys(operation?.security?.[0] ?? {})[0];
  const scheme = schemeName === undefined ? undefined : doc.components?.securitySchemes?.[schemeName];
  const tokenHeader = /^method\.request\.header\.(.+)$/.exec(ctx.lab.expected.identitySource)?.[1];
  const openOperations = Object.values(doc.paths ?? {}).flatMap((operations) =>
    Object.entries(operations).filter(([key, served]) => OPERATION_KEY.test(key) && (served.security ?? []).length === 0),
  );
  return (
    openOperations.length === 0 &&
    scheme?.name === tokenHeader &&
    integration?.type?.toUpperCase() === 'AWS_PROXY' &&
    integration.uri === target.integrationUri &&
    scheme?.['x-amazon-apigateway-authtype'] === 'cognito_user_pools' &&
    (scheme['x-amazon-apigateway-authorizer']?.providerARNs ?? []).includes(target.userPoolArn)
  );
}

export async function deployStage(ctx: ReferenceContext, target: StageTarget): Promise<{ deploymentId: string }> {
  const { apigateway } = ctx.clients;
  const stageName = ctx.lab.names.stage;
  const getStage = () => unlessNotFound(apigateway.send(new GetStageCommand({ restApiId: target.apiId, stageName })), 'NotFoundException');
  const stage = await getStage();
  const current = stage?.deploymentId !== undefined && !target.apiChanged && (await servesLabMethod(ctx, target));
  const deploymentId = current
    ? stage?.deploymentId
    : await createOnce(ctx, {
        what: `deployment to stage ${stageName}`,
        create: async () => (await ctx.clients.once.apigateway.send(new CreateDeploymentCommand({ restApiId: target.apiId, stageName }))).id,
        // The stage serving another deployment than before: the lost create's.
        findCreated: async () => {
          const now = (await getStage())?.deploymentId;
          return now !== stage?.deploymentId ? now : undefined;
        },
      });
  if (deploymentId === undefined) throw new Error(`CreateDeployment to ${stageName} returned no id`);
  logOutcome(ctx, `deployment to stage ${stageName}`, current ? 'reused' : 'created', deploymentId);
  return { deploymentId };
}
