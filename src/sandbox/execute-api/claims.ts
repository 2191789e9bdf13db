// A COGNITO_USER_POOLS authorizer hands the integration the token's claims with every value a string,
// as API Gateway's (Java) front end renders them: exp and iat as java.util.Date.toString() in UTC,
// other numbers as numbers, booleans as "true"/"false", cognito:groups comma-joined.

import type { JWTPayload } from 'jose';

const DATE_CLAIMS = new Set(['exp', 'iat']);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (value: number) => String(value).padStart(2, '0');

/** `Wed May 01 13:10:22 UTC 2024` */
export function javaDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}

function claimString(name: string, value: unknown): string {
  if (DATE_CLAIMS.has(name) && typeof value === 'number') return javaDate(value);
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

export function stringClaims(claims: JWTPayload): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, claimString(name, value)]));
}
