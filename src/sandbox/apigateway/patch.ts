// AWS's patchOperations for Update* calls: each entity declares which paths it accepts with which ops;
// this applies them to a copy, so a failing operation leaves the stored record untouched.
import { badRequest } from './errors.js';
import type { Input } from '../input.js';

export interface PatchOperation {
  op: string;
  path: string;
  value?: string;
}

export interface PatchRule<T> {
  /** The path as AWS documents it; a trailing `/{name}` matches the rest of the path (JSON-pointer unescaped). */
  path: string;
  ops: readonly ('add' | 'remove' | 'replace')[];
  apply(target: T, operation: PatchOperation, param: string | undefined): void;
}

const KNOWN_OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

export function patchOperationsOf(body: Input): PatchOperation[] {
  const list = body.any('patchOperations');
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw badRequest('Invalid value for parameter patchOperations: expected a list');
  return list.map((item: unknown) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const value = entry['value'];
    return {
      op: String(entry['op'] ?? ''),
      path: String(entry['path'] ?? ''),
      ...(value === undefined || value === null ? {} : { value: String(value) }),
    };
  });
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The parameter a rule's path captures from an operation's path, or null when it does not match. */
function match(rulePath: string, path: string): { param: string | undefined } | null {
  const brace = rulePath.indexOf('/{');
  if (brace < 0) return rulePath === path ? { param: undefined } : null;
  const prefix = rulePath.slice(0, brace + 1);
  if (!path.startsWith(prefix) || path.length === prefix.length) return null;
  return { param: unescapePointer(path.slice(prefix.length)) };
}

export function applyPatch<T>(record: T, operations: PatchOperation[], rules: readonly PatchRule<T>[]): T {
  const target = structuredClone(record);
  for (const operation of operations) {
    const { op, path } = operation;
    if (!KNOWN_OPS.includes(op)) {
      throw badRequest("Invalid patch operation specified. Must be 'add'|'remove'|'replace'");
    }
    const matching = rules.flatMap((rule) => {
      const found = match(rule.path, path);
      return found ? [{ rule, param: found.param }] : [];
    });
    const applicable = matching.find(({ rule }) => (rule.ops as readonly string[]).includes(op));
    if (applicable) {
      applicable.rule.apply(target, operation, applicable.param);
      continue;
    }
    if (matching.length > 0) {
      throw badRequest(`Invalid patch path  '${path}' specified for op '${op}'. Please choose supported operations`);
    }
    const supported = rules.filter((rule) => (rule.ops as readonly string[]).includes(op)).map((rule) => rule.path);
    throw badRequest(`Invalid patch path  '${path}' specified for op '${op}'. Must be one of: [${supported.join(', ')}]`);
  }
  return target;
}

/** The value of an add or replace operation, which AWS requires. */
export function patchValue(operation: PatchOperation): string {
  if (operation.value === undefined) {
    throw badRequest(`Invalid null or empty value in patch operation for path ${operation.path}`);
  }
  return operation.value;
}

export function patchBoolean(operation: PatchOperation): boolean {
  const value = patchValue(operation).toLowerCase();
  if (value !== 'true' && value !== 'false') {
    throw badRequest(`Invalid boolean value '${operation.value}' for path ${operation.path}`);
  }
  return value === 'true';
}

export function patchInteger(operation: PatchOperation): number {
  const value = patchValue(operation);
  if (!/^-?\d+$/.test(value)) throw badRequest(`Invalid integer value '${value}' for path ${operation.path}`);
  return Number(value);
}

/** A rule that sets, or with op remove clears, one optional string member. */
export function stringMember<T>(path: string, ops: PatchRule<T>['ops'] = ['replace']): PatchRule<T> {
  const key = path.slice(1);
  return {
    path,
    ops,
    apply(target, operation) {
      const record = target as Record<string, unknown>;
      if (operation.op === 'remove' || operation.value === undefined || operation.value === '') delete record[key];
      else record[key] = operation.value;
    },
  };
}

/** A rule over one entry of a string-valued map member: `/requestTemplates/{contentType}`. */
export function mapEntry<T>(path: string): PatchRule<T> {
  const key = path.slice(1, path.indexOf('/{'));
  return {
    path,
    ops: ['add', 'replace', 'remove'],
    apply(target, operation, name) {
      const record = target as Record<string, unknown>;
      const map = { ...((record[key] as Record<string, string> | undefined) ?? {}) };
      if (operation.op === 'remove') delete map[name!];
      else map[name!] = operation.value ?? '';
      if (Object.keys(map).length > 0) record[key] = map;
      else delete record[key];
    },
  };
}

/** The commonest rule: `replace` of `/<field>` sets that field to the operation's value, parsed. */
export function replaceField<T, K extends keyof T & string>(field: K, parse: (operation: PatchOperation) => T[K]): PatchRule<T> {
  return {
    path: `/${field}`,
    ops: ['replace'],
    apply(target, operation) {
      target[field] = parse(operation);
    },
  };
}
