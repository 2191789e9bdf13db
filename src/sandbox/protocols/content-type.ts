// Each wire protocol parses only its own content type. Anything else (text/plain, a form: what a web page
// may send without asking the browser first) is refused with the protocol's error before the body is read.

import { AwsError } from '../service.js';

/** The Content-Type's media type, lower-cased and without parameters; undefined when absent or empty. */
export function mediaTypeOf(headers: Record<string, string>): string | undefined {
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

/** 415, as Smithy's servers answer a request body in a media type the operation does not take. */
export function unsupportedMediaType(actual: string | undefined, expected: readonly string[]): AwsError {
  const given = actual === undefined ? 'A request body without a Content-Type' : `Content-Type ${actual}`;
  return new AwsError('UnsupportedMediaTypeException', `${given} is not supported here: send ${expected.join(' or ')}.`, 415);
}

/** Throws unless the request's media type is one of `expected`. */
export function requireMediaType(headers: Record<string, string>, expected: readonly string[]): void {
  const actual = mediaTypeOf(headers);
  if (actual === undefined || !expected.includes(actual)) throw unsupportedMediaType(actual, expected);
}
