// Cognito auth-flow names: legacy names (USER_PASSWORD_AUTH) and ALLOW_* names mean the same flows (facts section 2).

const LEGACY_TO_ALLOW: Readonly<Record<string, string>> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
};

export function canonicalFlow(name: string): string {
  return LEGACY_TO_ALLOW[name] ?? name;
}

/** Whether `flows` (as DescribeUserPoolClient echoes them) enable `flow`, under either of its names. */
export function allowsFlow(flows: readonly string[], flow: string): boolean {
  const wanted = canonicalFlow(flow);
  return flows.some((name) => canonicalFlow(name) === wanted);
}
