// Error text from AWS, the SDK or a server that plays AWS goes into snapshots, reports and the console: strip
// anything that could be a credential. Every path that turns an error into text goes through here.

const MAX_LENGTH = 300;

// SignatureDoesNotMatch appends the canonical request (with the session token) and the string to sign; what
// comes before says enough. Matched anywhere, in any case, on one line or several.
const SIGNING_DETAIL = /The Canonical String for this request|canonical request|string[- ]?to[- ]?sign/i;

const SECRET_PATTERNS: readonly RegExp[] = [
  // An echoed Authorization header, whole.
  /\bAWS4-HMAC-SHA256(\s+(Credential|SignedHeaders|Signature)=[^\s,'"]+,?)+/g,
  // SigV4 parts echoed by SignatureDoesNotMatch, presigned URLs and echoed headers.
  /\b(Credential|Signature|SignedHeaders|X-Amz-Credential|X-Amz-Signature|X-Amz-Security-Token)\s*[=:]\s*[^\s,&'"]+/gi,
  // Access key ids (long-term AKIA, temporary ASIA).
  /\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g,
  // JWTs (Cognito's ID and access tokens) and JWEs (its refresh tokens: five segments).
  /\beyJ[\w-]+(\.[\w-]*){2,4}/g,
  // Secret keys, session tokens, signatures: long runs of base64 or hex.
  /[A-Za-z0-9+\/=]{40,}/g,
];

/** `text` with every credential-shaped part replaced by [redacted] and the signing details cut off; layout kept. */
export function redactCredentials(text: string): string {
  const signingDetail = SIGNING_DETAIL.exec(text);
  let result = signingDetail === null ? text : `${text.slice(0, signingDetail.index).trimEnd()} [signing details removed]`;
  for (const pattern of SECRET_PATTERNS) result = result.replace(pattern, '[redacted]');
  return result;
}

/** One short line for a snapshot observation: the first paragraph, redacted, whitespace collapsed, capped. */
export function sanitizeMessage(message: string): string {
  const text = redactCredentials(message.split(/\n\s*\n/)[0] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
