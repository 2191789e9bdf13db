// tsx reference-solution/cli.ts deploy|teardown [--endpoint-url URL] [--region R]
// Deploys or removes the reference solution, printing what it does (stderr) and the endpoint and IDs (stdout).
// Never prints the password.
import { parseArgs } from 'node:util';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { ReferenceConfig } from './config.js';
import { deployReferenceSolution } from './deploy/index.js';
import { teardownReferenceSolution } from './teardown.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = 'usage: tsx reference-solution/cli.ts deploy|teardown [--endpoint-url URL] [--region R]';
const DEFAULT_REGION = 'us-east-1';
/** The sandbox takes any key; a 12-digit one is that account. Used only with --endpoint-url and no key in the environment. */
const SANDBOX_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: '000000000000', secretAccessKey: 'sandbox' };

function configFrom(values: { 'endpoint-url'?: string; region?: string }): ReferenceConfig {
  const endpoint = values['endpoint-url'];
  const useSandboxKey = endpoint !== undefined && process.env.AWS_ACCESS_KEY_ID === undefined && process.env.AWS_PROFILE === undefined;
  return {
    region: values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(useSandboxKey ? { credentials: SANDBOX_CREDENTIALS } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

function print(fields: Record<string, string | number | string[] | null>): void {
  for (const [key, value] of Object.entries(fields)) {
    process.stdout.write(`${key}: ${Array.isArray(value) ? value.join(' ') || '-' : (value ?? '-')}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'endpoint-url': { type: 'string' }, region: { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if ((command !== 'deploy' && command !== 'teardown') || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = configFrom(parsed.values);
  try {
    if (command === 'deploy') {
      const outputs = await deployReferenceSolution(config);
      // As the lab's echo "API Endpoint": the stage URL the curl calls append /hello to.
      print({ endpoint: outputs.stageUrl, ...outputs });
    } else {
      print({ ...(await teardownReferenceSolution(config)) });
    }
    return 0;
  } catch (error) {
    const e = error as Error;
    process.stderr.write(`${command} failed: ${e.name}: ${e.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
