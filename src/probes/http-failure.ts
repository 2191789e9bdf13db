// Why an HTTP probe got no answer, in words a learner can act on. Always a fact about the grader's reach
// (timeout, network) or the server's wire behaviour, never a crash.
import { classifyError } from '../observation/classify-error.js';

export interface HttpFailure {
  kind: 'timeout' | 'network' | 'other';
  code: string;
  message: string;
}

interface FailureContext {
  url: string;
  /** The whole-exchange deadline passed. */
  timedOut: boolean;
  /** The call's timeouts (HttpLimits'), to name the one that ran out. */
  limits: { connectMs: number; requestMs: number };
  deadlineMs: number;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|ERR_OSSL_)/;

export function describeHttpFailure(error: unknown, { url, timedOut, limits, deadlineMs }: FailureContext): HttpFailure {
  const host = new URL(url).host;
  const code = errnoCode(error);
  if (timedOut) return { kind: 'timeout', code: 'TimeoutError', message: `the answer from ${host} took longer than ${deadlineMs} ms` };
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'timeout', code, message: `no connection to ${host} within ${limits.connectMs} ms` };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { kind: 'timeout', code, message: `${host} sent no answer within ${limits.requestMs} ms` };
    case 'UND_ERR_BODY_TIMEOUT':
      return { kind: 'timeout', code, message: `${host} stopped sending its answer for ${limits.requestMs} ms` };
    case 'ECONNREFUSED':
      return { kind: 'network', code, message: `${host} refused the connection (nothing listens there)` };
  }
  if (code !== undefined && DNS.has(code)) return { kind: 'network', code, message: `the host name ${new URL(url).hostname} does not resolve (DNS)` };
  if (code !== undefined && CLOSED.has(code)) return { kind: 'network', code, message: `${host} closed the connection before its answer was complete` };
  // OpenSSL's own text is a library trace; its code says it better (DEPTH_ZERO_SELF_SIGNED_CERT).
  if (code !== undefined && TLS.test(code)) return { kind: 'network', code, message: `the TLS connection to ${host} failed (${code})` };
  const classified = classifyError(error);
  return { kind: classified.kind === 'timeout' || classified.kind === 'network' ? classified.kind : 'other', code: classified.code, message: classified.message };
}

/** Node and undici put the reason in `code` (ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT); a failed happy-eyeballs connect nests it. */
function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = errnoCode(inner);
      if (innerCode !== undefined) return innerCode;
    }
  }
  return undefined;
}
