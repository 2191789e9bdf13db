// Lambda accepts a function as a name, a partial ARN (123456789012:function:name) or a full ARN, each
// optionally qualified (:$LATEST, :1, :alias).

import { validationException } from './input.js';

export interface FunctionRef {
  name: string;
  qualifier?: string;
}

const FUNCTION_REF =
  /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(?:-gov)?-[a-z]+-\d:\d{12}:function:|\d{12}:function:)?([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/;

const PATTERN_TEXT =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?';

export function parseFunctionRef(value: string, qualifier?: string | null): FunctionRef {
  const match = FUNCTION_REF.exec(value);
  if (!match) throw validationException('functionName', value, `Member must satisfy regular expression pattern: ${PATTERN_TEXT}`);
  return { name: match[1] as string, qualifier: match[2] ?? qualifier ?? undefined };
}

export function functionArn(region: string, accountId: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
}
