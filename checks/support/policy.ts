// Reading IAM-grammar policy statements (a role's trust policy, a function's resource policy).
import type { PolicyStatement } from '../../src/snapshot/types.js';
import { globMatches } from '../../src/aws/glob.js';

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Whether the statement's Principal names `service` ({"Service": ...} as a string or a list), or anyone ("*"). */
export function allowsServicePrincipal(statement: PolicyStatement, service: string): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object') return false;
  const { AWS: anyone, Service: services } = principal as Record<string, unknown>;
  if (anyone === '*') return true;
  const list = typeof services === 'string' ? [services] : Array.isArray(services) ? services : [];
  return list.includes(service);
}

/** Service principals a statement names, for messages ("none" is the caller's to say). */
export function servicePrincipals(statement: PolicyStatement): string[] {
  const principal = statement.Principal;
  if (principal === '*') return ['*'];
  if (principal === null || typeof principal !== 'object') return [];
  return Object.entries(principal as Record<string, unknown>).flatMap(([kind, value]) =>
    (Array.isArray(value) ? value : [value]).map((name) => (kind === 'Service' ? String(name) : `${kind}:${String(name)}`)),
  );
}

/** Whether the statement's Action covers `action` (IAM actions are case-insensitive and take wildcards). */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  return asList(statement.Action).some((pattern) => globMatches(pattern, action, { ignoreCase: true }));
}

export function isAllow(statement: PolicyStatement): boolean {
  return statement.Effect === 'Allow';
}

/**
 * The values a statement's condition gives `key` under any of `operators` (condition keys are case-insensitive);
 * an empty list when the statement does not constrain the key that way.
 */
export function conditionValues(statement: PolicyStatement, operators: readonly string[], key: string): string[] {
  return Object.entries(statement.Condition ?? {})
    .filter(([operator]) => operators.includes(operator))
    .flatMap(([, block]) => Object.entries(block).filter(([name]) => name.toLowerCase() === key.toLowerCase()))
    .flatMap(([, value]) => asList(value));
}
