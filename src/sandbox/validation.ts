// AWS's model-validation message, shared by services that differ only in the error code around it.

/** AWS names members in these messages the way its models do: roleName, not RoleName. */
const memberName = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

export function constraintMessage(member: string, value: unknown, constraint: string): string {
  const shown = value === null || value === undefined ? 'null' : `'${String(value)}'`;
  return `1 validation error detected: Value ${shown} at '${memberName(member)}' failed to satisfy constraint: ${constraint}`;
}
