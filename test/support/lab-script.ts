// Runs the learner's path (test/support/lab.sh, LAB.md's commands verbatim) with the AWS CLI against a local
// endpoint. The only changes are shims: every `aws` call gets --endpoint-url, and the lab's curl calls go to the
// endpoint's API data plane instead of AWS's execute-api host.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LabBlock {
  activity: number;
  /** The "#### Activity N: Title" marker line, without the hashes. */
  heading: string;
  code: string;
}

/** The code blocks of test/support/lab.sh, in order. */
export function labBlocks(): LabBlock[] {
  const text = readFileSync(new URL('./lab.sh', import.meta.url), 'utf8');
  return text
    .split(/^#### /m)
    .slice(1)
    .map((section) => {
      const [heading = '', ...code] = section.split('\n');
      return { activity: Number(/^Activity (\d+):/.exec(heading)?.[1]), heading, code: code.join('\n').trim() };
    });
}

/**
 * The lab's commands as one script: all of them, or the given activities, or everything up to the deployment
 * (Activity 10's first block), for endpoints without an API data plane.
 */
export function labScript(options: { activities?: number[]; throughDeployment?: boolean } = {}): string {
  const blocks = labBlocks();
  const lastBlock = options.throughDeployment ? blocks.findIndex((block) => block.activity === 10) : blocks.length - 1;
  return blocks
    .filter((block, index) => index <= lastBlock && (!options.activities || options.activities.includes(block.activity)))
    .map((block) => `# ${block.heading}\n${block.code}\n`)
    .join('\n');
}

const SHIMS = readFileSync(new URL('./lab-shims.sh', import.meta.url), 'utf8');

export interface LabRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The shell variables asked for in `report`, as the script left them. */
  vars: Record<string, string>;
  /** The curl calls' answers, in order. */
  curls: { body: string; status: number }[];
}

export interface LabRunOptions {
  endpoint: string;
  /** 12 digits: the sandbox account. */
  accessKeyId: string;
  /** For endpoints without IAM propagation delay: the lab's `sleep 10` then waits for nothing. */
  skipSleep?: boolean;
  /** Shell variables to read back (USER_POOL_ID, ID_TOKEN, ...). */
  report?: string[];
  /** The AWS CLI the `aws` shim runs: `aws` from PATH unless given. */
  awsCli?: string;
  /** Variables the shell starts with (a learner's lab shell after the lab). */
  env?: Record<string, string>;
  /** Files of the working folder, by name. */
  files?: Record<string, string | Uint8Array>;
}

/** Why the AWS CLI tests cannot run here, or undefined when they can. */
export function awsCliMissing(cli = 'aws'): string | undefined {
  if (spawnSync(cli, ['--version']).status === 0) return undefined;
  return cli === 'aws' ? 'the AWS CLI (`aws`) is not on PATH; install awscli to run this test' : `the AWS CLI ${cli} is missing; install awscli to run this test`;
}

export const curlMissing: string | undefined = spawnSync('curl', ['--version']).status === 0 ? undefined : 'curl is not on PATH';

export async function runLab(script: string, options: LabRunOptions): Promise<LabRun> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-script-'));
  const report = (options.report ?? []).map((name) => `echo "VAR ${name}=\${${name}:-}"`).join('\n');
  const env = {
    ...options.env,
    PATH: process.env.PATH ?? '',
    HOME: dir,
    LAB_ENDPOINT: options.endpoint,
    LAB_AWS_CLI: options.awsCli ?? 'aws',
    LAB_SKIP_SLEEP: options.skipSleep ? '1' : '0',
    AWS_ACCESS_KEY_ID: options.accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    // Keep the developer's own AWS configuration out of it.
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_PAGER: '',
  };
  try {
    for (const [name, content] of Object.entries(options.files ?? {})) await writeFile(join(dir, name), content);
    const { code, stdout, stderr } = await new Promise<Omit<LabRun, 'vars' | 'curls'>>((resolve, reject) => {
      const child = spawn('bash', ['-c', `${SHIMS}\n${script}\n${report}\n`], { cwd: dir, env, timeout: 180_000 });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
    });
    const vars = Object.fromEntries([...stdout.matchAll(/^VAR (\w+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']));
    const curls = [...stdout.matchAll(/^(.*)\nCURL (\d{3})$/gm)].map((match) => ({ body: match[1] ?? '', status: Number(match[2]) }));
    return { code, stdout, stderr, vars, curls };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
