// IAM-style policy documents as services hand them over: a JSON string (Lambda GetPolicy) or a URL-encoded
// JSON string (IAM GetRole's AssumeRolePolicyDocument, which the JS SDK v3 does not decode, unlike botocore).
import type { PolicyDocument, PolicyStatement } from '../snapshot/types.js';
import { UnexpectedResponseError } from './convert.js';

export function parsePolicyDocument(json: string): PolicyDocument {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || !('Statement' in parsed)) {
    throw new UnexpectedResponseError('the policy document has no Statement');
  }
  const { Statement: statement, ...rest } = parsed as { Statement: unknown } & Record<string, unknown>;
  // The policy grammar allows a single statement object in place of the array.
  const statements = Array.isArray(statement) ? statement : [statement];
  return { ...rest, Statement: statements as PolicyStatement[] };
}

/** Accepts the URL-encoded form AWS sends and an already-decoded document (some emulators, other SDKs). */
export function parseTrustPolicy(document: string): PolicyDocument {
  return parsePolicyDocument(document.trimStart().startsWith('{') ? document : decodeURIComponent(document));
}
