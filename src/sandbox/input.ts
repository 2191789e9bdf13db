// Reading a request's members: one typed reader for the services' JSON bodies. Each service supplies its own
// errors (Lambda: InvalidRequestContentException / ValidationException; API Gateway: BadRequestException), so
// handlers see well-typed values and callers get the AWS error shapes of the service they called.

import type { AwsError } from './service.js';

export interface InputErrors {
  /** A member of the wrong JSON type; `expected` reads 'a string', 'a map of strings', ... */
  wrongType(member: string, expected: string): AwsError;
  /** A member that breaks a constraint of the service's model; `constraint` is AWS's wording of it. */
  invalid(member: string, value: unknown, constraint: string): AwsError;
}

export interface StringRule {
  pattern?: RegExp;
  /** The pattern as AWS prints it in the message, when it differs from `pattern.source`. */
  patternText?: string;
  maxLength?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class Input {
  constructor(
    private readonly members: Record<string, unknown>,
    private readonly errors: InputErrors,
  ) {}

  /** The body as members; `notAnObject` is the service's answer to a body that is JSON but not an object. */
  static of(body: unknown, errors: InputErrors, notAnObject: () => AwsError): Input {
    if (body !== undefined && !isObject(body)) throw notAnObject();
    return new Input(body ?? {}, errors);
  }

  /** Absent and null members are the same to AWS's deserialisers. */
  private value(name: string): unknown {
    const value = this.members[name];
    return value === null ? undefined : value;
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  string(name: string, rule: StringRule = {}): string | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.errors.wrongType(name, 'a string');
    if (rule.pattern && !rule.pattern.test(value)) {
      throw this.errors.invalid(name, value, `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`);
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      throw this.errors.invalid(name, value, `Member must have length less than or equal to ${rule.maxLength}`);
    }
    return value;
  }

  requiredString(name: string, rule?: StringRule): string {
    const value = this.string(name, rule);
    if (value === undefined) throw this.errors.invalid(name, null, 'Member must not be null');
    return value;
  }

  /** An integer, within [min, max] when they are given. */
  integer(name: string, min?: number, max?: number): number | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.errors.wrongType(name, 'an integer');
    if (min !== undefined && value < min) throw this.errors.invalid(name, value, `Member must have value greater than or equal to ${min}`);
    if (max !== undefined && value > max) throw this.errors.invalid(name, value, `Member must have value less than or equal to ${max}`);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw this.errors.wrongType(name, 'a boolean');
    return value;
  }

  /** A copy of a list of strings. */
  stringList(name: string): string[] | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw this.errors.wrongType(name, 'a list of strings');
    return [...(value as string[])];
  }

  /** A copy of a map of strings (Tags, Environment.Variables). */
  stringMap(name: string): Record<string, string> | undefined {
    return this.map(name, 'string') as Record<string, string> | undefined;
  }

  /** A copy of a map of booleans (API Gateway's requestParameters of a method). */
  booleanMap(name: string): Record<string, boolean> | undefined {
    return this.map(name, 'boolean') as Record<string, boolean> | undefined;
  }

  private map(name: string, valueType: 'string' | 'boolean'): Record<string, unknown> | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (!isObject(value) || Object.values(value).some((v) => typeof v !== valueType)) throw this.errors.wrongType(name, `a map of ${valueType}s`);
    return { ...value };
  }

  /** A nested structure, read with the same errors. */
  struct(name: string): Input | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw this.errors.wrongType(name, 'an object');
    return new Input(value, this.errors);
  }
}
