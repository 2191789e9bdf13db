// Activity 6 (IAM): the execution role with the lab's trust policy and AWSLambdaBasicExecutionRole attached.
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { isDeepStrictEqual } from 'node:util';
import { unlessNotFound } from '../aws-errors.js';
import { logOutcome, type ReferenceContext, type Outcome } from '../context.js';
import { createOnce } from './create-once.js';

/** The lab's trust policy: only Lambda may assume the role. */
export function lambdaTrustPolicy(service = 'lambda.amazonaws.com') {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}

export async function deployRole(ctx: ReferenceContext): Promise<{ roleArn: string }> {
  const RoleName = ctx.lab.names.role;
  const { iam } = ctx.clients;
  const trust = lambdaTrustPolicy();
  const getRole = async () => (await unlessNotFound(iam.send(new GetRoleCommand({ RoleName })), 'NoSuchEntityException'))?.Role;
  const existing = await getRole();
  let outcome: Outcome = 'reused';
  let roleArn = existing?.Arn;
  if (!existing) {
    roleArn = await createOnce(ctx, {
      what: `role ${RoleName}`,
      create: async () => (await ctx.clients.once.iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role?.Arn,
      findCreated: async () => (await getRole())?.Arn,
    });
    outcome = 'created';
  } else if (!isDeepStrictEqual(JSON.parse(decodeURIComponent(existing.AssumeRolePolicyDocument ?? '{}')), trust)) {
    // IAM returns the document URL-encoded; the JS SDK does not decode it.
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument: JSON.stringify(trust) }));
    outcome = 'updated';
  }
  if (roleArn === undefined) throw new Error(`IAM returned no ARN for the role ${RoleName}`);
  // Attaching an attached policy changes nothing, so this also repairs a role that lost it.
  await iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn: ctx.lab.expected.basicExecutionPolicyArn }));
  logOutcome(ctx, `role ${RoleName}`, outcome, roleArn);
  return { roleArn };
}
