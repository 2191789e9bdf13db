// AWS's model validation: the constraints a member may carry and the message AWS writes when they fail
// ("2 validation errors detected: Value 'x' at 'userPoolId' failed to satisfy constraint: ...; ..."). Every
// service builds its messages here; only the error code around them differs.

/** A member's constraints, as the service's model states them. */
export interface MemberRule {
  required?: boolean;
  /** Minimum string length, or minimum integer value. */
  min?: number;
  /** Maximum string length, or maximum integer value. */
  max?: number;
  /** The model's pattern: a string is matched against the whole value (unicode) and printed as is. */
  pattern?: string | RegExp;
  /** How the message prints a RegExp pattern, when it differs from its source. */
  patternText?: string;
  enum?: readonly string[];
  /** For lists: every member must be one of these. */
  memberEnum?: readonly string[];
  /** The model marks the value sensitive: AWS leaves it out of the message, and so do we. */
  sensitive?: boolean;
}

/** AWS names members in these messages the way its models do: roleName, not RoleName. */
const memberName = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function shown(value: unknown, sensitive = false): string {
  if (value === null || value === undefined) return 'Value null';
  if (sensitive) return 'Value';
  return `Value '${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}'`;
}

/** One clause of the message: the member, its value and the constraint it fails. */
export function violationClause(member: string, value: unknown, constraint: string, sensitive = false): string {
  return `${shown(value, sensitive)} at '${memberName(member)}' failed to satisfy constraint: ${constraint}`;
}

/** The whole message for one or more clauses. */
export function validationMessage(clauses: readonly string[]): string {
  const count = clauses.length === 1 ? '1 validation error detected' : `${clauses.length} validation errors detected`;
  return `${count}: ${clauses.join('; ')}`;
}

export function constraintMessage(member: string, value: unknown, constraint: string): string {
  return validationMessage([violationClause(member, value, constraint)]);
}

function matches(pattern: string | RegExp, value: string): boolean {
  return typeof pattern === 'string' ? new RegExp(`^(?:${pattern})$`, 'u').test(value) : pattern.test(value);
}

/** The constraint `value` fails, in AWS's words, or undefined. Absent values only fail `required`. */
export function failedConstraint(rule: MemberRule, value: unknown): string | undefined {
  if (value === undefined || value === null) return rule.required ? 'Member must not be null' : undefined;
  if (typeof value === 'number') {
    if (rule.min !== undefined && value < rule.min) return `Member must have value greater than or equal to ${rule.min}`;
    if (rule.max !== undefined && value > rule.max) return `Member must have value less than or equal to ${rule.max}`;
    return undefined;
  }
  if (typeof value === 'string') {
    if (rule.enum && !rule.enum.includes(value)) return `Member must satisfy enum value set: [${rule.enum.join(', ')}]`;
    if (rule.min !== undefined && value.length < rule.min) return `Member must have length greater than or equal to ${rule.min}`;
    if (rule.max !== undefined && value.length > rule.max) return `Member must have length less than or equal to ${rule.max}`;
    if (rule.pattern !== undefined && !matches(rule.pattern, value)) {
      const text = rule.patternText ?? (typeof rule.pattern === 'string' ? rule.pattern : rule.pattern.source);
      return `Member must satisfy regular expression pattern: ${text}`;
    }
    return undefined;
  }
  if (Array.isArray(value) && rule.memberEnum) {
    const allowed = rule.memberEnum;
    if (value.some((member) => typeof member !== 'string' || !allowed.includes(member))) {
      return `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`;
    }
  }
  return undefined;
}
