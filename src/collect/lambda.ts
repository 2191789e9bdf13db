// Lambda: the lab's function, its resource policy, and the function GET /hello really invokes when that is
// another one. GetFunction | GetPolicy run at once; the integration's function waits for the API's resources.
import { GetFunctionCommand, GetPolicyCommand, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { ApiResource, LambdaEvidence, LambdaFunction, Observed, PolicyDocument } from '../snapshot/types.js';
import type { CollectContext } from './context.js';
import { orNull, required } from './convert.js';
import { functionInvokedBy, isSameFunction, parseFunctionArn } from './lambda-arn.js';
import { skipped, skippedAfter } from './observed.js';
import { parsePolicyDocument } from './policy-document.js';

export interface LambdaCollection {
  /** Early, for the IAM collector (the role the function runs as). */
  function: Promise<Observed<LambdaFunction>>;
  evidence: Promise<LambdaEvidence>;
}

export function collectLambda(ctx: CollectContext, apiResources: Promise<Observed<ApiResource[]>>): LambdaCollection {
  const labFunction = getFunction(ctx, ctx.lab.names.function);
  const policy = getPolicy(ctx, ctx.lab.names.function);
  const integrationFunction = Promise.all([labFunction, apiResources]).then(([fn, resources]) => getIntegrationFunction(ctx, fn, resources));
  const evidence = Promise.all([labFunction, policy, integrationFunction]).then(([fn, resourcePolicy, integrated]) => ({
    function: fn,
    policy: resourcePolicy,
    integrationFunction: integrated,
  }));
  return { function: labFunction, evidence };
}

function getFunction(ctx: CollectContext, functionName: string): Promise<Observed<LambdaFunction>> {
  return ctx.observe('lambda:GetFunction', async () => {
    const output = await ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: functionName }));
    return toLambdaFunction(required(output.Configuration, 'Configuration'));
  });
}

function toLambdaFunction(configuration: FunctionConfiguration): LambdaFunction {
  return {
    functionName: required(configuration.FunctionName, 'FunctionName'),
    functionArn: required(configuration.FunctionArn, 'FunctionArn'),
    runtime: orNull(configuration.Runtime),
    handler: orNull(configuration.Handler),
    role: required(configuration.Role, 'Role'),
    state: orNull(configuration.State),
    stateReason: orNull(configuration.StateReason),
    lastUpdateStatus: orNull(configuration.LastUpdateStatus),
    lastModified: orNull(configuration.LastModified),
    packageType: orNull(configuration.PackageType),
    timeout: orNull(configuration.Timeout),
    memorySize: orNull(configuration.MemorySize),
  };
}

/** absent: the function has no resource policy (or does not exist). */
function getPolicy(ctx: CollectContext, functionName: string): Promise<Observed<PolicyDocument>> {
  return ctx.observe('lambda:GetPolicy', async () => {
    const output = await ctx.clients.lambda.send(new GetPolicyCommand({ FunctionName: functionName }));
    return parsePolicyDocument(required(output.Policy, 'Policy'));
  });
}

/** The function the lab's method integrates with, when it is not the lab's own function. */
async function getIntegrationFunction(
  ctx: CollectContext,
  labFunction: Observed<LambdaFunction>,
  resources: Observed<ApiResource[]>,
): Promise<Observed<LambdaFunction>> {
  const { resourcePath, httpMethod, function: labFunctionName } = ctx.lab.names;
  const method = `${httpMethod} ${resourcePath}`;
  if (resources.state !== 'found') return skippedAfter(resources, 'the REST API resources');
  const uri = resources.value.find((resource) => resource.path === resourcePath)?.methods[httpMethod]?.integration?.uri;
  if (uri === undefined || uri === null) return skipped(`${method} has no integration`);
  const invoked = functionInvokedBy(uri);
  if (invoked === null) return skipped(`${method} does not integrate with a Lambda function named by ARN (${uri})`);
  const labRef = labFunction.state === 'found' ? parseFunctionArn(labFunction.value.functionArn) : null;
  // Without the lab function's ARN (it is missing), its name in the graded region is all there is to compare.
  const isLabFunction = labRef ? isSameFunction(invoked, labRef) : invoked.name === labFunctionName && invoked.region === ctx.region;
  if (isLabFunction) return skipped(`${method} invokes the lab function ${labFunctionName}`);
  return getFunction(ctx, invoked.arn);
}
