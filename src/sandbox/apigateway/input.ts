// Reading request bodies: typed accessors over the parsed JSON that reject wrong types the way AWS's
// request validation does (BadRequestException), so handlers only see well-typed values.
import { constraintMessage } from '../validation.js';
import { badRequest } from './errors.js';

export type Body = Record<string, unknown>;

export function bodyOf(body: unknown): Body {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Body) : {};
}

function wrongType(key: string, expected: string): Error {
  return badRequest(`Invalid value for parameter ${key}: expected ${expected}`);
}

export function optionalString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(key, 'a string');
  return value;
}

/** `inputName` is AWS's name of the request shape, used in its validation message (createRestApiInput). */
export function requiredString(body: Body, key: string, inputName: string): string {
  const value = optionalString(body, key);
  if (value === undefined) {
    throw badRequest(constraintMessage(`${inputName}.${key}`, null, 'Member must not be null'));
  }
  return value;
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(key, 'a boolean');
  return value;
}

export function optionalInteger(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(key, 'an integer');
  return value;
}

export function optionalStringList(body: Body, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw wrongType(key, 'a list of strings');
  }
  return [...value] as string[];
}

export function optionalMap<T>(body: Body, key: string, itemType: 'string' | 'boolean'): Record<string, T> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === itemType)) {
    throw wrongType(key, `a map of ${itemType}s`);
  }
  return { ...(value as Record<string, T>) };
}

/** Copies the defined entries only, so that absent members stay absent in stored records and responses. */
export function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
