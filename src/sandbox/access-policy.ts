// Who may talk to the sandbox. It runs uploaded code with no authentication, so only its own user may reach it.
// A web page can aim requests at 127.0.0.1 without a preflight, or rebind its own DNS name to 127.0.0.1;
// either way its browser says so: a Host that is not a loopback name, an Origin header, or a cross-site
// Sec-Fetch-Site. The AWS CLI and SDKs send none of these, so they are never refused.

import { isIP } from 'node:net';
import { isExecuteApiHostname } from './data-plane.js';

export interface AccessPolicy {
  /** Origins (scheme://host[:port]) whose pages may call the sandbox, normalised by normalizeOrigin. */
  allowOrigins: readonly string[];
  /** Also accept any IP address as Host, for a sandbox listening beyond loopback. Names stay refused. */
  allowRemote: boolean;
}

/** localhost, 127.0.0.0/8 or ::1 (with or without brackets). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** `http://Example.com:80/` -> `http://example.com`; undefined when the text is not an http(s) origin. */
export function normalizeOrigin(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return undefined;
  return url.origin;
}

/** The Host header's host name as a browser resolved it (URL rules: `127.1` is 127.0.0.1), or undefined. */
function hostnameOf(host: string): string | undefined {
  // A Host header is host[:port]; anything more is no browser's.
  if (/[/?#@\\\s]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

function hostAllowed(host: string, policy: AccessPolicy): boolean {
  const hostname = hostnameOf(host);
  if (hostname === undefined) return false;
  if (isLoopbackHost(hostname) || isExecuteApiHostname(hostname)) return true;
  return policy.allowRemote && isIP(hostname.replace(/^\[(.*)\]$/, '$1')) !== 0;
}

/** The origin of a browser request the policy allows; undefined for requests that carry none. */
export function allowedOrigin(headers: Record<string, string>, policy: AccessPolicy): string | undefined {
  const origin = headers['origin'];
  if (origin === undefined) return undefined;
  const normalized = normalizeOrigin(origin);
  return normalized !== undefined && policy.allowOrigins.includes(normalized) ? normalized : undefined;
}

/** Why the request is refused, or undefined when it may be served. */
export function refusalReason(headers: Record<string, string>, policy: AccessPolicy): string | undefined {
  const { host, origin } = headers;
  // HTTP/1.0 may omit Host; browsers never do.
  if (host !== undefined && !hostAllowed(host, policy)) {
    return (
      `The sandbox answers only requests addressed to this machine's loopback (localhost, 127.0.0.1, [::1] or <api>.execute-api.localhost), not Host '${host}'` +
      (policy.allowRemote ? ' (with --allow-remote, also an IP address).' : '.')
    );
  }
  if (origin !== undefined) {
    if (allowedOrigin(headers, policy) !== undefined) return undefined;
    return `The sandbox runs code and refuses requests from web pages: Origin '${origin}' is not allowed. Start it with --allow-origin ${origin} to allow that page.`;
  }
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return 'The sandbox runs code and refuses requests a web page sends from another site (Sec-Fetch-Site: ' + site + ').';
  }
  return undefined;
}

/** CORS answers for an allowed origin: what a browser needs to read the response (and its AWS headers). */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': '*', vary: 'Origin' };
}

/** The answer to a preflight from an allowed origin: any method, the headers it asked for. */
export function preflightHeaders(origin: string, headers: Record<string, string>): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD',
    'access-control-allow-headers': headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '600',
  };
}
