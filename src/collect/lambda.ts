// Lambda: the lab's function, its resource policy, and the function GET /hello really invokes when that is
// another one. GetFunction | GetPolicy run at once; the integration's function waits for the API's resources.
// A missing function is looked for under near-miss names (ListFunctions) and in other regions (GetFunction).
import { GetFunctionCommand, GetPolicyCommand, ListFunctionsCommand, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { ApiResource, LambdaEvidence, LambdaFunction, NearMiss, Observed, PolicyDocument } from '../snapshot/types.js';
import type { CollectContext } from './context.js';
import { orNull, required } from './convert.js';
import { functionInvokedBy, isSameFunction, parseFunctionArn } from './lambda-arn.js';
import { nearMissesOf } from './near-miss.js';
import { skipped, skippedAfter } from './observed.js';
import { regionsHolding } from './other-regions.js';
import { collectPages } from './paginate.js';
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
  const elsewhere = labFunction.then((fn) => (fn.state === 'absent' ? functionElsewhere(ctx) : {}));
  const evidence = Promise.all([labFunction, policy, integrationFunction, elsewhere]).then(([fn, resourcePolicy, integrated, notHere]) => ({
    function: fn,
    policy: resourcePolicy,
    integrationFunction: integrated,
    ...notHere,
  }));
  return { function: labFunction, evidence };
}

function getFunction(ctx: CollectContext, functionName: string): Promise<Observed<LambdaFunction>> {
  return ctx.observe('lambda:GetFunction', async () => {
    const output = await ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: functionName }));
    return toLambdaFunction(required(output.Configuration, 'Configuration'));
  });
}

/** No function has the lab's name: those whose name is a near miss of it, and the other regions that have one. */
async function functionElsewhere(ctx: CollectContext): Promise<Pick<LambdaEvidence, 'functionNearMisses' | 'functionInRegions'>> {
  const functionName = ctx.lab.names.function;
  const [functionNearMisses, functionInRegions] = await Promise.all([
    listFunctionNearMisses(ctx, functionName),
    regionsHolding(ctx, (regional) => getFunction(regional, functionName)),
  ]);
  return { functionNearMisses, ...(functionInRegions && { functionInRegions }) };
}

/** ListFunctions: the region's functions (50 a page), for names one edit away from the lab's. */
function listFunctionNearMisses(ctx: CollectContext, functionName: string): Promise<Observed<NearMiss[]>> {
  return ctx.observe('lambda:ListFunctions', async () => {
    const functions = await collectPages(
      (Marker) => ctx.clients.lambda.send(new ListFunctionsCommand({ Marker })),
      (page) => ({ items: page.Functions, next: page.NextMarker }),
    );
    return nearMissesOf(functions, functionName, (fn) => ({ name: fn.FunctionName ?? '', id: fn.FunctionArn ?? '' }));
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
