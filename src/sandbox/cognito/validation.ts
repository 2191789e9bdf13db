// Request validation as Cognito's front end does it: every violated constraint of the model becomes one
// clause of a single InvalidParameterException ("2 validation errors detected: ...; ...").

import { AwsError } from '../service.js';

export interface FieldRule {
  required?: boolean;
  /** Minimum string length, or minimum integer value. */
  min?: number;
  max?: number;
  /** The model's pattern; matched against the whole value. */
  pattern?: string;
  enum?: readonly string[];
  /** For lists: every member must be one of these. */
  memberEnum?: readonly string[];
  /** The model marks the value sensitive: AWS leaves it out of the message, and so do we. */
  sensitive?: boolean;
}

export type Rules = Record<string, FieldRule>;

/** Model field names appear in messages in lower camel case: UserPoolId -> userPoolId. */
function wireName(field: string): string {
  return field.charAt(0).toLowerCase() + field.slice(1);
}

function violation(field: string, rule: FieldRule, value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return rule.required ? `Value null at '${wireName(field)}' failed to satisfy constraint: Member must not be null` : undefined;
  }
  const shown = rule.sensitive ? 'Value' : `Value '${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}'`;
  const fail = (constraint: string) => `${shown} at '${wireName(field)}' failed to satisfy constraint: ${constraint}`;
  if (typeof value === 'number') {
    if (rule.min !== undefined && value < rule.min) return fail(`Member must have value greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) return fail(`Member must have value less than or equal to ${rule.max}`);
    return undefined;
  }
  if (typeof value === 'string') {
    if (rule.enum && !rule.enum.includes(value)) return fail(`Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
    if (rule.min !== undefined && value.length < rule.min) return fail(`Member must have length greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value.length > rule.max) return fail(`Member must have length less than or equal to ${rule.max}`);
    if (rule.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`, 'u').test(value)) {
      return fail(`Member must satisfy regular expression pattern: ${rule.pattern}`);
    }
    return undefined;
  }
  if (Array.isArray(value) && rule.memberEnum) {
    const allowed = rule.memberEnum;
    if (value.some((member) => typeof member !== 'string' || !allowed.includes(member))) {
      return fail(`Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`);
    }
  }
  return undefined;
}

/** Throws InvalidParameterException listing every violated rule, in the order the rules are given. */
export function validate(input: Record<string, unknown>, rules: Rules): void {
  const problems: string[] = [];
  for (const [field, rule] of Object.entries(rules)) {
    const problem = violation(field, rule, input[field]);
    if (problem) problems.push(problem);
  }
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  throw new AwsError('InvalidParameterException', `${count}: ${problems.join('; ')}`);
}

// Rules shared by many operations, from the cognito-idp model.
export const USER_POOL_ID: FieldRule = { required: true, min: 1, max: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' };
export const CLIENT_ID: FieldRule = { required: true, min: 1, max: 128, pattern: '[\\w+]+', sensitive: true };
export const USERNAME: FieldRule = { required: true, min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', sensitive: true };
export const PASSWORD: FieldRule = { max: 256, pattern: '[\\S]+', sensitive: true };
export const NAME: FieldRule = { required: true, min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' };
export const PAGE_TOKEN: FieldRule = { min: 1, pattern: '[\\S]+' };

/** A string-valued input member, or undefined. */
export function str(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  return typeof value === 'string' ? value : undefined;
}

/** A string map member such as AuthParameters, or an empty map. */
export function strMap(input: Record<string, unknown>, field: string): Record<string, string> {
  const value = input[field];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
