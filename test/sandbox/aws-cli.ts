// Runs the lab's own shell commands with the AWS CLI against a sandbox, adding only --endpoint-url.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { ACCOUNT_A } from './helpers.js';

/** Why the CLI tests cannot run here, or undefined when they can. */
export function awsCliMissing(): string | undefined {
  const probe = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'the AWS CLI (`aws`) is not on PATH; install awscli to run this test';
}

/** `aws <service> <command>` becomes `aws <service> <command> --endpoint-url "$SANDBOX_URL"`; nothing else changes. */
export function withEndpoint(script: string): string {
  return script.replace(/\baws ([a-z0-9-]+) ([a-z0-9-]+)/g, 'aws $1 $2 --endpoint-url "$SANDBOX_URL"');
}

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` under bash -euo pipefail in a fresh directory, as account 111111111111. */
export async function runLabScript(script: string, sandboxUrl: string, setup: { needsLambdaZip?: boolean } = {}): Promise<ScriptResult> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-cli-'));
  try {
    let body = withEndpoint(script);
    // The lab zips with `zip`; where there is none, the same archive is made here and the line dropped.
    if (setup.needsLambdaZip && spawnSync('zip', ['-v']).status !== 0) {
      body = body.replace(/^zip function\.zip lambda_function\.py$/m, 'test -f function.zip');
      await writeFile(join(dir, 'function.zip'), zipSync({ 'lambda_function.py': strToU8(LAMBDA_FILE) }));
    }
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      SANDBOX_URL: sandboxUrl,
      AWS_ACCESS_KEY_ID: ACCOUNT_A,
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_PAGER: '',
    };
    return await new Promise<ScriptResult>((resolve, reject) => {
      const child = spawn('bash', ['-euo', 'pipefail', '-c', body], { cwd: dir, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The function file of Activity 6, as the lab's heredoc writes it. */
export const LAMBDA_FILE = `import json

def lambda_handler(event, context):
    return {
        'statusCode': 200,
        'body': json.dumps({
            'message': 'Hello from secured API!',
            'user': event.get('requestContext', {}).get('authorizer', {}).get('claims', {}).get('cognito:username', 'Unknown')
        })
    }
`;

/** Activity 2 and Activity 6 of LAB.md, verbatim. */
export const ACTIVITY_2 = `
export REGION="us-east-1"
export USER_POOL_NAME="MyAPIUserPool"
export API_NAME="SecureAPI"
export LAMBDA_FUNCTION_NAME="HelloWorldFunction"
`;

export const ACTIVITY_6 = `
cat > lambda_function.py << 'EOF'
${LAMBDA_FILE}EOF

zip function.zip lambda_function.py

LAMBDA_ROLE_ARN=$(aws iam create-role    --role-name lambda-execution-role    --assume-role-policy-document '{
       "Version": "2012-10-17",
       "Statement": [{
           "Effect": "Allow",
           "Principal": {"Service": "lambda.amazonaws.com"},
           "Action": "sts:AssumeRole"
       }]
   }' --query 'Role.Arn' --output text)

aws iam attach-role-policy    --role-name lambda-execution-role    --policy-arn arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole

sleep 10

LAMBDA_ARN=$(aws lambda create-function    --function-name $LAMBDA_FUNCTION_NAME    --runtime python3.9    --role $LAMBDA_ROLE_ARN    --handler lambda_function.lambda_handler    --zip-file fileb://function.zip    --region $REGION    --query 'FunctionArn' --output text)

echo "Lambda ARN: $LAMBDA_ARN"
`;
