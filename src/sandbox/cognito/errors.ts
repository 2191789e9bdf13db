// The Cognito errors raised from more than one place, worded as AWS words them.

import { AwsError } from '../service.js';

export function poolNotFound(poolId: string): AwsError {
  return new AwsError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
}

export function clientNotFound(clientId: string): AwsError {
  return new AwsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
}

export function userNotFound(): AwsError {
  return new AwsError('UserNotFoundException', 'User does not exist.');
}

export function notAuthorized(message: string): AwsError {
  return new AwsError('NotAuthorizedException', message);
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

export const INCORRECT_CREDENTIALS = 'Incorrect username or password.';
