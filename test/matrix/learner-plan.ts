// A grade's "what to do next", done as a learner does it: the plan's commands read from the JSON report, run
// verbatim with the learners' AWS CLI (v2) in one bash session that has LAB.md's variables and the lab's files;
// then the prod stage called as the lab calls it. The only change to a command is the endpoint (lab-shims.sh).
import { GetAuthorizerCommand, GetDeploymentCommand, GetResourcesCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { InitiateAuthCommand, ListUserPoolClientsCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { FUNCTION_ZIP, PASSWORD_VARIABLE } from '../../checks/support/remediations.js';
import { withReferenceClients, type ReferenceClients } from '../../reference-solution/clients.js';
import type { ReferenceConfig, ReferenceOutputs } from '../../reference-solution/config.js';
import { LAB_HANDLER_FILE, LAB_HANDLER_SOURCE } from '../../reference-solution/lambda/handler-source.js';
import { zipHandler } from '../../reference-solution/zip.js';
import { stageUrl } from '../../src/aws/execute-api.js';
import type { GradeResult } from '../../src/engine/types.js';
import type { LabSpec } from '../../src/lab/types.js';
import { renderJson } from '../../src/report/json.js';
import { awsCliMissing, runLab } from '../support/lab-script.js';

/** The AWS CLI v2 of the learners' CloudShell (Debian's awscli); the `aws` first on PATH may be another. */
export const LEARNER_CLI = '/usr/bin/aws';
export const learnerCliMissing = (): string | undefined => awsCliMissing(LEARNER_CLI);

export interface Plan {
  commands: string[];
  needs: string[];
}

/** The plan as a learner's tool reads it: from the JSON report. */
export function planOf(result: GradeResult): Plan {
  const report = JSON.parse(renderJson(result)) as { plan: { commands: { command: string }[]; needs: string[] } };
  return { commands: report.plan.commands.map((entry) => entry.command), needs: report.plan.needs };
}

/** What the plan relies on that its `needs` must tell the learner about. */
export function unannouncedNeeds({ commands, needs }: Plan): string[] {
  const wanted = [
    { need: FUNCTION_ZIP, used: commands.some((command) => command.includes('fileb://function.zip')) },
    { need: PASSWORD_VARIABLE, used: commands.some((command) => command.includes('$PASSWORD')) },
  ];
  return wanted.filter(({ need, used }) => used && !needs.includes(need)).map(({ need }) => need);
}

/** LAB.md's variables as the learner's shell has them after the lab (Activities 2 to 9), and PASSWORD. */
function labShellVariables(lab: LabSpec, outputs: ReferenceOutputs): Record<string, string> {
  return {
    REGION: outputs.region,
    USER_POOL_NAME: lab.names.userPool,
    API_NAME: lab.names.api,
    LAMBDA_FUNCTION_NAME: lab.names.function,
    USER_POOL_ID: outputs.userPoolId,
    CLIENT_ID: outputs.clientId,
    LAMBDA_ROLE_ARN: outputs.roleArn,
    LAMBDA_ARN: outputs.functionArn,
    API_ID: outputs.apiId,
    ROOT_RESOURCE_ID: outputs.rootResourceId,
    RESOURCE_ID: outputs.resourceId,
    AUTHORIZER_ID: outputs.authorizerId,
    PASSWORD: lab.password,
  };
}

const STEP_MARK = 'PLAN-STEP ';

/**
 * Runs the commands in order and stops at the first that fails, throwing with that command and its stderr.
 * Returns LAB.md's variables as the shell left them (a command may have assigned a new CLIENT_ID, ...).
 */
export async function runPlan(
  commands: readonly string[],
  target: { endpoint: string; accountId: string; lab: LabSpec; outputs: ReferenceOutputs },
): Promise<Record<string, string>> {
  const variables = labShellVariables(target.lab, target.outputs);
  // A mark on stderr before each command: the stderr after the last mark is the failing command's.
  const script = commands.map((command, index) => `echo '${STEP_MARK}${index}' >&2\n${command}`).join('\n');
  const run = await runLab(script, {
    endpoint: target.endpoint,
    accessKeyId: target.accountId,
    awsCli: LEARNER_CLI,
    skipSleep: true,
    env: variables,
    files: { [LAB_HANDLER_FILE]: LAB_HANDLER_SOURCE, 'function.zip': zipHandler(LAB_HANDLER_SOURCE) },
    report: Object.keys(variables),
  });
  if (run.code !== 0) {
    const [last = '', ...output] = run.stderr.slice(run.stderr.lastIndexOf(STEP_MARK) + STEP_MARK.length).split('\n');
    const index = Number(last);
    throw new Error(
      `plan command ${index + 1} of ${commands.length} failed (exit code ${run.code}):\n${commands[index] ?? '(none)'}\n${output.join('\n').trim()}`,
    );
  }
  return run.vars;
}

export interface ProdAnswers {
  authorized: number;
  unauthenticated: number;
  /** Every method the prod stage serves ("GET /hello"), called without a token. */
  withoutToken: Record<string, number>;
}

/** A call on the stage, as the lab's curl makes it; path parameters get a placeholder value. */
async function call(base: string, method: string, path: string, token?: string): Promise<number> {
  const response = await fetch(`${base}${path.replace(/\{[^}]+\}/g, 'x')}`, {
    method: method === 'ANY' ? 'GET' : method,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * The ID token of the lab's user from the app client of the pool GET /hello's authorizer trusts: the client the
 * learner's shell names may be one the mistake replaced.
 */
async function labIdToken({ apigateway, cognito }: ReferenceClients, lab: LabSpec, apiId: string): Promise<string> {
  const resources = (await apigateway.send(new GetResourcesCommand({ restApiId: apiId, embed: ['methods'], limit: 500 }))).items ?? [];
  const method = resources.find((resource) => resource.path === lab.names.resourcePath)?.resourceMethods?.[lab.names.httpMethod];
  const authorizer = await apigateway.send(new GetAuthorizerCommand({ restApiId: apiId, authorizerId: method?.authorizerId }));
  // The authorizer may still name a deleted pool beside the one it serves.
  const pools = new Set(((await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []).map((pool) => pool.Id));
  const poolId = (authorizer.providerARNs ?? []).map((arn) => arn.split('/').pop()).find((id) => pools.has(id));
  const clients = (await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }))).UserPoolClients ?? [];
  const clientId = clients.find((client) => client.ClientName === lab.names.appClient)?.ClientId;
  const signIn = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: lab.names.username, PASSWORD: lab.password } }),
  );
  return signIn.AuthenticationResult?.IdToken ?? '';
}

/**
 * The prod stage as anyone meets it: GET /hello with the test user's ID token and without, and every deployed
 * method without a token. OPTIONS is left out: browsers send CORS preflights without credentials, so it is
 * meant to be open.
 */
export async function prodAnswers(config: ReferenceConfig & { endpoint: string }, lab: LabSpec, apiId: string): Promise<ProdAnswers> {
  return withReferenceClients(config, async (clients) => {
    const idToken = await labIdToken(clients, lab, apiId);
    const { deploymentId } = await clients.apigateway.send(new GetStageCommand({ restApiId: apiId, stageName: lab.names.stage }));
    const deployment = await clients.apigateway.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId, embed: ['apisummary'] }));
    const base = stageUrl({ apiId, stage: lab.names.stage, region: config.region, endpoint: config.endpoint });
    const deployed = Object.entries(deployment.apiSummary ?? {}).flatMap(([path, methods]) =>
      Object.keys(methods).filter((method) => method !== 'OPTIONS').map((method) => ({ method, path })),
    );
    const withoutToken: Record<string, number> = {};
    for (const { method, path } of deployed) withoutToken[`${method} ${path}`] = await call(base, method, path);
    return {
      authorized: await call(base, lab.names.httpMethod, lab.names.resourcePath, idToken),
      unauthenticated: await call(base, lab.names.httpMethod, lab.names.resourcePath),
      withoutToken,
    };
  });
}
