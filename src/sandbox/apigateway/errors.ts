// The three error kinds the API Gateway control plane answers with, as AWS serialises them.
import { AwsError } from '../service.js';

export function badRequest(message: string): AwsError {
  return new AwsError('BadRequestException', message, 400);
}

export function notFound(message: string): AwsError {
  return new AwsError('NotFoundException', message, 404);
}

export function conflict(message: string): AwsError {
  return new AwsError('ConflictException', message, 409);
}
