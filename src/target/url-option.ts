// A URL given on the command line (--endpoint-url, --stage-url): http(s), no credentials, query or fragment.
import { InputError } from '../errors.js';

/** Returns the URL without a trailing slash, or throws an InputError naming the flag and showing `example`. */
export function parseUrlOption(value: string, flag: string, example: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${flag}: "${value}" is not a URL. Pass one like ${example}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${flag}: "${value}" must start with http:// or https://.`);
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(`${flag}: pass only scheme, host, port and path (no user, password, query or fragment).`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
