// Error text from AWS or the SDK goes into snapshots and reports: strip anything that could be a credential.

const MAX_LENGTH = 300;

const SECRET_PATTERNS: readonly RegExp[] = [
  // SigV4 parts echoed by SignatureDoesNotMatch and presigned URLs.
  /\b(Credential|Signature|SignedHeaders|X-Amz-Credential|X-Amz-Signature|X-Amz-Security-Token)=[^\s,&'"]+/gi,
  // Access key ids (long-term AKIA, temporary ASIA).
  /\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g,
  // JWTs (Cognito tokens).
  /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g,
  // Secret keys, session tokens, signatures: long runs of base64 or hex.
  /[A-Za-z0-9+\/=]{40,}/g,
];

export function sanitizeMessage(message: string): string {
  // SignatureDoesNotMatch appends the canonical request and string to sign; the first sentence says enough.
  let text = message.split(/\n\s*\n|The Canonical String for this request/)[0] ?? '';
  for (const pattern of SECRET_PATTERNS) text = text.replace(pattern, '[redacted]');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
