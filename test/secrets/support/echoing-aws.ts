// A fake AWS whose error answers quote the credentials of the request they answer: the session token, the
// Authorization header (key id, signature), a canonical request and a string to sign, as SignatureDoesNotMatch,
// InvalidClientTokenId and AccessDenied can. Each answer is in the protocol of the service that was called.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callerIdentityXml, startLocalServer, stsErrorXml, type LocalServer } from '../../collect/support/local-server.js';

export type Service = 'sts' | 'iam' | 'cognito-idp' | 'apigateway' | 'lambda';
export type ErrorKind = 'signature-multiline' | 'signature-one-line' | 'invalid-token' | 'access-denied';
/** What each service answers: one of the errors, or (sts only) the caller's identity. */
export type Answers = Partial<Record<Service, ErrorKind | 'identity'>>;

export const ACCOUNT = '111122223333';

const header = (request: IncomingMessage, name: string): string => String(request.headers[name] ?? '');

/** The service from the SigV4 credential scope (every SDK call is signed). */
function serviceOf(request: IncomingMessage): Service | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(header(request, 'authorization'))?.[1] as Service | undefined;
}

function canonicalRequest(request: IncomingMessage): string {
  return [
    request.method,
    request.url,
    '',
    `host:${header(request, 'host')}`,
    `x-amz-date:${header(request, 'x-amz-date')}`,
    `x-amz-security-token:${header(request, 'x-amz-security-token')}`,
    '',
    'host;x-amz-date;x-amz-security-token',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n');
}

function stringToSign(request: IncomingMessage): string {
  const scope = /Credential=[^/]+\/([^,\s]+)/.exec(header(request, 'authorization'))?.[1] ?? '';
  return ['AWS4-HMAC-SHA256', header(request, 'x-amz-date'), scope, '9b0d5b3a1f2c4e6d8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f'].join('\n');
}

const SIGNATURE_SENTENCE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function errorFor(kind: ErrorKind, request: IncomingMessage): { code: string; status: number; message: string } {
  switch (kind) {
    case 'signature-multiline':
      return {
        code: 'SignatureDoesNotMatch',
        status: 403,
        message: `${SIGNATURE_SENTENCE}\n\nThe Canonical String for this request should have been\n'${canonicalRequest(request)}'\n\nThe String-to-Sign should have been\n'${stringToSign(request)}'\n`,
      };
    case 'signature-one-line':
      return {
        code: 'SignatureDoesNotMatch',
        status: 403,
        message: `Signature expired or invalid for Authorization: ${header(request, 'authorization')}; string to sign '${stringToSign(request).replaceAll('\n', ' ')}', canonical request '${canonicalRequest(request).replaceAll('\n', ' ')}'`,
      };
    case 'invalid-token':
      return {
        code: 'InvalidClientTokenId',
        status: 403,
        message: `The security token included in the request is invalid. Access key ${/Credential=([^/]+)/.exec(header(request, 'authorization'))?.[1]}, token ${header(request, 'x-amz-security-token')}`,
      };
    case 'access-denied':
      return {
        code: 'AccessDeniedException',
        status: 403,
        message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/LabGraderReadOnly/lab-grader is not authorized to perform this action (request signed ${header(request, 'authorization')} with X-Amz-Security-Token=${header(request, 'x-amz-security-token')})`,
      };
  }
}

function answer(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, headers);
  response.end(body);
}

function respond(answers: Answers, request: IncomingMessage, response: ServerResponse): void {
  const service = serviceOf(request);
  const chosen = service === undefined ? undefined : answers[service];
  if (chosen === 'identity') return answer(response, 200, { 'content-type': 'text/xml' }, callerIdentityXml(ACCOUNT));
  const { code, status, message } = errorFor(chosen === undefined ? 'access-denied' : chosen, request);
  switch (service) {
    case 'sts':
    case 'iam':
    case undefined:
      return answer(response, status, { 'content-type': 'text/xml' }, stsErrorXml(code, escapeXml(message)));
    case 'cognito-idp':
      return answer(response, status === 403 ? 400 : status, { 'content-type': 'application/x-amz-json-1.1' }, JSON.stringify({ __type: code, message }));
    case 'apigateway':
    case 'lambda':
      return answer(response, status, { 'content-type': 'application/json', 'x-amzn-errortype': code }, JSON.stringify({ message, Message: message }));
  }
}

const escapeXml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function startEchoingAws(answers: Answers): Promise<LocalServer> {
  return startLocalServer((request, _body, response) => {
    respond(answers, request, response);
    return true;
  });
}

/** The SigV4 signatures of every request the server received (secrets: derived from the secret key). */
export function signaturesSeen(server: LocalServer): string[] {
  return server.requests.map((request) => /Signature=([0-9a-f]+)/.exec(String(request.headers.authorization ?? ''))?.[1] ?? '').filter(Boolean);
}
