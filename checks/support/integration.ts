// The Lambda function an AWS_PROXY integration invokes, read from its URI.
import { parseArn } from '../../src/aws/arn-like.js';

const LAMBDA_INVOCATION_URI = /^arn:[\w-]+:apigateway:[\w-]+:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;

/** The function ARN inside `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations`. */
export function invokedFunctionArn(uri: string | null): string | null {
  return uri?.match(LAMBDA_INVOCATION_URI)?.[1] ?? null;
}

/** A function ARN without its version or alias qualifier (…:function:Name:prod -> …:function:Name). */
export function unqualifiedFunctionArn(arn: string): string {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'lambda') return arn;
  const [kind, name] = parsed.resource.split(':');
  return `arn:${parsed.partition}:lambda:${parsed.region}:${parsed.account}:${kind ?? ''}:${name ?? ''}`;
}

export function sameFunction(a: string, b: string): boolean {
  return unqualifiedFunctionArn(a) === unqualifiedFunctionArn(b);
}
