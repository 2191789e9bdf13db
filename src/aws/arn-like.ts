// ARNs: parsing, and ArnLike/ArnEquals matching (IAM compares each of the six colon-separated parts separately,
// each part may hold * and ?; a wildcard never spans a colon between parts).
import { globMatches } from './glob.js';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon (may itself hold colons and slashes). */
  resource: string;
}

function parts(arn: string): string[] | null {
  const fields = arn.split(':');
  if (fields.length < 6 || fields[0] !== 'arn') return null;
  return [...fields.slice(0, 5), fields.slice(5).join(':')];
}

export function parseArn(arn: string): Arn | null {
  const fields = parts(arn);
  if (!fields) return null;
  const [, partition = '', service = '', region = '', account = '', resource = ''] = fields;
  return { partition, service, region, account, resource };
}

/** ArnLike (and ArnEquals, which AWS evaluates the same way). Case-sensitive, as IAM is. */
export function arnLike(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const want = parts(pattern);
  const have = parts(arn);
  if (!want || !have) return false;
  return want.every((segment, index) => globMatches(segment, have[index] ?? ''));
}
