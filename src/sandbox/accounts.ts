// Which account a request acts in. No real identities: the access key id decides.

export const DEFAULT_ACCOUNT_ID = '000000000000';

/** Temporary keys this sandbox's STS handed out, and the role session they stand for. */
export interface IssuedKeyLookup {
  issuedKey(accessKeyId: string): { accountId: string } | undefined;
}

/** A 12-digit access key id is that account; an STS-issued key is its role's account; anything else the default. */
export function accountFor(accessKeyId: string | null, issued: IssuedKeyLookup): string {
  if (!accessKeyId) return DEFAULT_ACCOUNT_ID;
  if (/^\d{12}$/.test(accessKeyId)) return accessKeyId;
  return issued.issuedKey(accessKeyId)?.accountId ?? DEFAULT_ACCOUNT_ID;
}
