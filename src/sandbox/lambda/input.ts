// Typed reads of a Lambda JSON body, failing with Lambda's own validation errors.

import { AwsError } from '../service.js';
import { constraintMessage } from '../validation.js';

export const validationException = (member: string, value: unknown, constraint: string) =>
  new AwsError('ValidationException', constraintMessage(member, value, constraint));

const wrongType = (member: string, expected: string) =>
  new AwsError('InvalidRequestContentException', `Could not parse request body into json: ${member} must be ${expected}`);

export class LambdaInput {
  private readonly body: Record<string, unknown>;

  constructor(body: unknown) {
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      throw new AwsError('InvalidRequestContentException', 'Could not parse request body into json: the body is not a JSON object');
    }
    this.body = (body ?? {}) as Record<string, unknown>;
  }

  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null;
  }

  string(name: string, pattern?: RegExp, patternText?: string): string | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw wrongType(name, 'a string');
    if (pattern && !pattern.test(value)) throw validationException(name, value, `Member must satisfy regular expression pattern: ${patternText ?? pattern.source}`);
    return value;
  }

  requiredString(name: string, pattern?: RegExp, patternText?: string): string {
    const value = this.string(name, pattern, patternText);
    if (value === undefined) throw validationException(name, null, 'Member must not be null');
    return value;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(name, 'an integer');
    if (value < min) throw validationException(name, value, `Member must have value greater than or equal to ${min}`);
    if (value > max) throw validationException(name, value, `Member must have value less than or equal to ${max}`);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw wrongType(name, 'a boolean');
    return value;
  }

  stringList(name: string): string[] | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw wrongType(name, 'a list of strings');
    return value as string[];
  }

  /** A map of string to string (Tags, Environment.Variables). */
  stringMap(name: string): Record<string, string> | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
      throw wrongType(name, 'a map of strings');
    }
    return value as Record<string, string>;
  }

  /** A nested structure, read with the same checks. */
  struct(name: string): LambdaInput | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(name, 'an object');
    return new LambdaInput(value);
  }
}
