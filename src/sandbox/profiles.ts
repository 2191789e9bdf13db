// How each AWS service speaks on the wire beyond its protocol: its signing name, body limit, and the exact
// errors it uses for throttling, oversize and unparseable requests. Service modules never see these.

import { AwsError } from './service.js';

export interface ServiceProfile {
  /** The SigV4 signing name; also the key for fault rates, the request log and the state file. */
  name: string;
  maxBodyBytes: number;
  throttling(): AwsError;
  requestTooLarge(limit: number, operation: string): AwsError;
  malformedBody(detail: string): AwsError;
}

export interface JsonProfile extends ServiceProfile {
  protocol: 'json';
}

export interface RestProfile extends ServiceProfile {
  protocol: 'rest';
  /** restJson1 services disagree on the error body: API Gateway `{message}`, Lambda `{Type, Message}`. */
  errorBody(error: AwsError): unknown;
  /** Operations whose body is a raw payload rather than a JSON document (Lambda's Invoke). */
  payloadOperations?: readonly string[];
}

export interface QueryProfile extends ServiceProfile {
  protocol: 'query';
  xmlNamespace: string;
  version: string;
}

const TEN_MIB = 10 * 1024 * 1024;

const tooLargeJson = (limit: number, operation: string) =>
  new AwsError('RequestEntityTooLargeException', `Request must be smaller than ${limit} bytes for the ${operation} operation`, 413);

export const cognitoProfile: JsonProfile = {
  protocol: 'json',
  name: 'cognito-idp',
  maxBodyBytes: TEN_MIB,
  throttling: () => new AwsError('TooManyRequestsException', 'Rate exceeded', 400),
  requestTooLarge: tooLargeJson,
  malformedBody: (detail) => new AwsError('SerializationException', `Could not parse the request body as JSON: ${detail}`),
};

export const apiGatewayProfile: RestProfile = {
  protocol: 'rest',
  name: 'apigateway',
  maxBodyBytes: TEN_MIB,
  throttling: () => new AwsError('TooManyRequestsException', 'Too Many Requests', 429, { 'Retry-After': '1' }),
  requestTooLarge: tooLargeJson,
  malformedBody: (detail) => new AwsError('BadRequestException', `Could not parse request body into json: ${detail}`),
  errorBody: (error) => ({ message: error.message }),
};

export const lambdaProfile: RestProfile = {
  protocol: 'rest',
  name: 'lambda',
  // AWS's own figure: a 50 MB zip, base64-encoded inside the CreateFunction JSON.
  maxBodyBytes: 69905067,
  throttling: () => new AwsError('TooManyRequestsException', 'Rate exceeded', 429, { 'Retry-After': '1' }),
  requestTooLarge: tooLargeJson,
  malformedBody: (detail) => new AwsError('InvalidRequestContentException', `Could not parse request body into json: ${detail}`),
  errorBody: (error) => ({ Type: error.status >= 500 ? 'Service' : 'User', Message: error.message }),
  payloadOperations: ['Invoke'],
};

function queryProfile(name: string, xmlNamespace: string, version: string): QueryProfile {
  return {
    protocol: 'query',
    name,
    xmlNamespace,
    version,
    maxBodyBytes: TEN_MIB,
    throttling: () => new AwsError('Throttling', 'Rate exceeded', 400),
    requestTooLarge: (limit) => new AwsError('RequestEntityTooLarge', `Request must be smaller than ${limit} bytes`, 413),
    // A form body always parses; what can be wrong with it is reported per parameter.
    malformedBody: (detail) => new AwsError('MalformedQueryString', detail),
  };
}

export const iamProfile = queryProfile('iam', 'https://iam.amazonaws.com/doc/2010-05-08/', '2010-05-08');
export const stsProfile = queryProfile('sts', 'https://sts.amazonaws.com/doc/2011-06-15/', '2011-06-15');
