// Which function an API Gateway integration invokes, from its URI, and whether that is a given function.

export interface FunctionRef {
  /** As written in the URI, qualifier included: what GetFunction is called with. */
  arn: string;
  region: string;
  account: string;
  name: string;
  /** Version or alias after the name, or null. */
  qualifier: string | null;
}

const INTEGRATION_URI = /^arn:aws[\w-]*:apigateway:[\w-]+:lambda:path\/[\d-]+\/functions\/(.+)\/invocations$/;
const FUNCTION_ARN = /^arn:aws[\w-]*:lambda:([\w-]+):(\d{12}):function:([\w-]+)(?::([\w$-]+))?$/;

/**
 * The function a Lambda (proxy) integration URI invokes, or null when the URI is not one or names no function
 * literally (a stage variable, `${stageVariables.fn}`, is only resolved per request).
 */
export function functionInvokedBy(integrationUri: string): FunctionRef | null {
  const arn = INTEGRATION_URI.exec(integrationUri)?.[1];
  return arn === undefined ? null : parseFunctionArn(arn);
}

export function parseFunctionArn(arn: string): FunctionRef | null {
  const match = FUNCTION_ARN.exec(arn);
  if (match === null) return null;
  const [, region = '', account = '', name = '', qualifier] = match;
  return { arn, region, account, name, qualifier: qualifier ?? null };
}

/** Same function, whatever version or alias each names. */
export function isSameFunction(a: FunctionRef, b: FunctionRef): boolean {
  return a.region === b.region && a.account === b.account && a.name === b.name;
}
