// Reads who signed a request and for which region/service. Signatures are never verified: the sandbox
// trusts the caller, it only needs the access key (-> account) and the credential scope (-> region, service).

export interface SigningScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/** From the Authorization header, or from a presigned URL's X-Amz-Credential. */
export function signingScope(authorization: string | undefined, query: URLSearchParams): SigningScope | undefined {
  const match =
    (authorization && CREDENTIAL.exec(authorization)) ||
    CREDENTIAL.exec(`Credential=${query.get('X-Amz-Credential') ?? ''}`);
  if (!match) return undefined;
  const [, accessKeyId, region, service] = match as unknown as [string, string, string, string];
  return { accessKeyId, region, service };
}
