// The AWS managed policies this lab and its usual mistakes touch. Attaching any other arn:aws:iam::aws:policy/
// ARN fails with NoSuchEntity, as it does in AWS for a policy that does not exist (e.g. the lab's policy
// without its service-role/ path).

import { createHash } from 'node:crypto';

export interface ManagedPolicy {
  PolicyName: string;
  Arn: string;
  Path: string;
  PolicyId: string;
  Description: string;
}

const POLICIES: Array<[path: string, name: string, description: string]> = [
  ['/service-role/', 'AWSLambdaBasicExecutionRole', 'Provides write permissions to CloudWatch Logs.'],
  ['/service-role/', 'AWSLambdaVPCAccessExecutionRole', 'Provides minimum permissions for a Lambda function to execute while accessing a resource within a VPC'],
  ['/service-role/', 'AWSLambdaRole', 'Default policy for AWS Lambda service role.'],
  ['/service-role/', 'AmazonAPIGatewayPushToCloudWatchLogs', 'Allows API Gateway to push logs to user\'s account.'],
  ['/', 'AWSLambdaExecute', 'Provides Put, Get access to S3 and full access to CloudWatch Logs.'],
  ['/', 'AWSLambda_FullAccess', 'Grants full access to AWS Lambda service, AWS Lambda console features, and other related AWS services.'],
  ['/', 'AWSLambda_ReadOnlyAccess', 'Grants read-only access to AWS Lambda service, AWS Lambda console features, and other related AWS services.'],
  ['/', 'AmazonAPIGatewayAdministrator', 'Provides full access to create/edit/delete APIs in Amazon API Gateway via the AWS Management Console.'],
  ['/', 'AmazonAPIGatewayInvokeFullAccess', 'Provides full access to invoke APIs in Amazon API Gateway.'],
  ['/', 'AmazonCognitoPowerUser', 'Provides administrative access to existing Amazon Cognito resources.'],
  ['/', 'AmazonCognitoReadOnly', 'Provides read only access to Amazon Cognito resources.'],
  ['/', 'CloudWatchLogsFullAccess', 'Provides full access to CloudWatch Logs'],
  ['/', 'IAMReadOnlyAccess', 'Provides read only access to IAM via the AWS Management Console.'],
  ['/', 'ReadOnlyAccess', 'Provides read-only access to AWS services and resources.'],
  ['/', 'SecurityAudit', 'The security audit template grants access to read security configuration metadata.'],
  ['/', 'PowerUserAccess', 'Provides full access to AWS services and resources, but does not allow management of Users and groups.'],
  ['/', 'AdministratorAccess', 'Provides full access to AWS services and resources.'],
];

/** Not AWS's real ids: stable ones of the same form (ANPA + 17), derived from the ARN. */
function policyId(arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `ANPA${Array.from(digest.subarray(0, 17), (byte) => alphabet[byte % 32]).join('')}`;
}

/** AWS managed policies predate every account; one fixed date keeps responses stable. */
export const MANAGED_POLICY_DATE = '2015-04-09T15:03:43Z';

export const MANAGED_POLICIES: ReadonlyMap<string, ManagedPolicy> = new Map(
  POLICIES.map(([path, name, description]) => {
    const arn = `arn:aws:iam::aws:policy${path}${name}`;
    return [arn, { PolicyName: name, Arn: arn, Path: path, PolicyId: policyId(arn), Description: description }];
  }),
);
