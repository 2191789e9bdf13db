// Reading a request's members: the one reader every service's handlers use, over a JSON body (Cognito,
// API Gateway, Lambda) or an awsQuery form (IAM, STS). Constraints are the model's (validation.ts); each
// service supplies its own errors (Lambda: InvalidRequestContentException / ValidationException; API Gateway:
// BadRequestException; Cognito: InvalidParameterException; IAM and STS: ValidationError), so handlers see
// well-typed values and callers get the AWS error shapes of the service they called.

import type { QueryParams } from './protocols/query.js';
import type { AwsError } from './service.js';
import { failedConstraint, validationMessage, violationClause, type MemberRule } from './validation.js';

export interface InputErrors {
  /** A JSON member of the wrong type; `expected` reads 'a string', 'a map of strings', ... */
  wrongType(member: string, expected: string): AwsError;
  /** A member that fails its constraints; `message` is AWS's "N validation errors detected: ..." text. */
  invalid(message: string): AwsError;
}

export interface JsonInputOptions {
  /** The answer to a body that is JSON but not an object; by default such a body has no members. */
  notAnObject?: () => AwsError;
  /** The model's name of the request, when the service prefixes members with it (createRestApiInput.name). */
  shape?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where members come from: a parsed JSON object, or a form whose values are all text. */
type Source = { json: Record<string, unknown> } | { form: QueryParams };

export class Input {
  private constructor(
    private readonly source: Source,
    private readonly errors: InputErrors,
    private readonly shape?: string,
  ) {}

  static json(body: unknown, errors: InputErrors, options: JsonInputOptions = {}): Input {
    if (body !== undefined && !isObject(body) && options.notAnObject) throw options.notAnObject();
    return new Input({ json: isObject(body) ? body : {} }, errors, options.shape);
  }

  static form(params: QueryParams, errors: InputErrors): Input {
    return new Input({ form: params }, errors);
  }

  /** A member as sent; absent and null are the same to AWS's deserialisers. Use for members echoed as given. */
  any(name: string): unknown {
    const value = 'json' in this.source ? this.source.json[name] : this.source.form.optional(name);
    return value === null ? undefined : value;
  }

  has(name: string): boolean {
    return this.any(name) !== undefined;
  }

  private fail(name: string, value: unknown, constraint: string, sensitive?: boolean): AwsError {
    const member = this.shape ? `${this.shape}.${name}` : name;
    return this.errors.invalid(validationMessage([violationClause(member, value, constraint, sensitive)]));
  }

  /** `value` when it meets `rule`; a failure shows `shown` (a form's text) or the value. */
  private checked<T>(name: string, value: T, rule: MemberRule | undefined, shown: unknown = value): T {
    const constraint = rule && failedConstraint(rule, value);
    if (constraint) throw this.fail(name, shown, constraint, rule?.sensitive);
    return value;
  }

  /** Every rule at once: one error naming every member that fails, in the order of `rules` (Cognito's way). */
  check(rules: Record<string, MemberRule>): void {
    const clauses: string[] = [];
    for (const [name, rule] of Object.entries(rules)) {
      const value = this.any(name);
      const constraint = failedConstraint(rule, value);
      if (constraint) clauses.push(violationClause(this.shape ? `${this.shape}.${name}` : name, value, constraint, rule.sensitive));
    }
    if (clauses.length) throw this.errors.invalid(validationMessage(clauses));
  }

  string(name: string, rule?: MemberRule): string | undefined {
    const value = this.any(name);
    if (value !== undefined && typeof value !== 'string') throw this.errors.wrongType(name, 'a string');
    return this.checked(name, value, rule && { ...rule, required: false });
  }

  /** A form cannot tell an empty member from an absent one, so there an empty string is missing too. */
  requiredString(name: string, rule?: MemberRule): string {
    const value = this.string(name);
    if (value === undefined || ('form' in this.source && value === '')) throw this.fail(name, null, 'Member must not be null');
    return this.checked(name, value, rule);
  }

  integer(name: string, rule?: MemberRule): number | undefined {
    const value = this.any(name);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && 'form' in this.source) {
      const number = Number(value);
      if (!Number.isInteger(number)) throw this.fail(name, value, 'Member must be an integer');
      return this.checked(name, number, rule, value);
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.errors.wrongType(name, 'an integer');
    return this.checked(name, value, rule);
  }

  boolean(name: string): boolean | undefined {
    const value = this.any(name);
    if (value !== undefined && typeof value !== 'boolean') throw this.errors.wrongType(name, 'a boolean');
    return value;
  }

  /** A copy of a list of strings. */
  stringList(name: string, rule?: MemberRule): string[] | undefined {
    const value = this.any(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw this.errors.wrongType(name, 'a list of strings');
    return this.checked(name, [...(value as string[])], rule);
  }

  /** A copy of a map of strings (Tags, Environment.Variables, AuthParameters). */
  stringMap(name: string): Record<string, string> | undefined {
    return this.map(name, 'string') as Record<string, string> | undefined;
  }

  /** A copy of a map of booleans (API Gateway's method requestParameters). */
  booleanMap(name: string): Record<string, boolean> | undefined {
    return this.map(name, 'boolean') as Record<string, boolean> | undefined;
  }

  private map(name: string, valueType: 'string' | 'boolean'): Record<string, unknown> | undefined {
    const value = this.any(name);
    if (value === undefined) return undefined;
    if (!isObject(value) || Object.values(value).some((v) => typeof v !== valueType)) throw this.errors.wrongType(name, `a map of ${valueType}s`);
    return { ...value };
  }

  /** A nested structure, read with the same errors. */
  struct(name: string): Input | undefined {
    const value = this.any(name);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw this.errors.wrongType(name, 'an object');
    return new Input({ json: value }, this.errors);
  }

  /** A form's `Name.member.N.Field` list of structures (IAM's Tags). */
  structList(name: string): Record<string, string>[] {
    if ('form' in this.source) return this.source.form.structList(name);
    const value = this.any(name);
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((item) => isObject(item) && Object.values(item).every((v) => typeof v === 'string'))) {
      throw this.errors.wrongType(name, 'a list of structures');
    }
    return value.map((item) => ({ ...(item as Record<string, string>) }));
  }
}
