// npm run bench:sandbox: how fast the sandbox starts and answers control-plane calls, beside moto when it is
// installed, and how fast its API data plane answers an authorized call (token verified, Lambda run), cold
// and warm. Prints one JSON document. Loopback only, bounded loops.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { APIGatewayClient, CreateRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { startSandbox } from '../src/sandbox/index.js';
import { labZip, lambdaTrustPolicy } from '../test/sandbox/helpers.js';
import { motoMissing, startMoto } from '../test/support/moto.js';
import { deployLab, http } from '../test/sandbox/lab-deploy.js';

const STARTS = 7;
const MOTO_STARTS = 3;
const CALLS_PER_OPERATION = 200;
const WARM_DATA_PLANE_CALLS = 100;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Creates one API, pool and function, then times GetRestApis, ListUserPools and GetFunction calls. */
async function requestLatencies(endpoint: string): Promise<Record<string, number>> {
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' } };
  const apigateway = new APIGatewayClient(config);
  const cognito = new CognitoIdentityProviderClient(config);
  const lambda = new LambdaClient(config);
  await apigateway.send(new CreateRestApiCommand({ name: 'SecureAPI' }));
  await cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }));
  const role = await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'bench-role', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
  await lambda.send(new CreateFunctionCommand({ FunctionName: 'bench', Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'a.handler', Code: { ZipFile: labZip() } }));

  const calls: Record<string, () => Promise<unknown>> = {
    GetRestApis: () => apigateway.send(new GetRestApisCommand({})),
    ListUserPools: () => cognito.send(new ListUserPoolsCommand({ MaxResults: 10 })),
    GetFunction: () => lambda.send(new GetFunctionCommand({ FunctionName: 'bench' })),
  };
  const all: number[] = [];
  const perOperation: Record<string, number> = {};
  for (const [operation, call] of Object.entries(calls)) {
    const times: number[] = [];
    for (let i = 0; i < CALLS_PER_OPERATION; i++) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    perOperation[operation] = round(median(times));
    all.push(...times);
  }
  return { medianMs: round(median(all)), ...perOperation };
}

/**
 * The sandbox as a learner starts it (`node lab-grader.mjs sandbox`, the single-file build), from spawn until it
 * answers: the figure to set beside moto's, which is measured the same way.
 */
async function processStartMs(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
  const bundle = join(folder, 'lab-grader.mjs');
  execFileSync(process.execPath, ['scripts/bundle.mjs', bundle], { stdio: 'ignore' });
  try {
    const starts: number[] = [];
    for (let i = 0; i < MOTO_STARTS; i++) {
      const started = performance.now();
      const child = spawn(process.execPath, [bundle, 'sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`the sandbox exited before listening: ${out}`)));
      });
      const health = await fetch(`${url}/_sandbox/health`, { signal: AbortSignal.timeout(10_000) });
      if (!health.ok) throw new Error(`health answered ${health.status}`);
      starts.push(performance.now() - started);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    return round(median(starts));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchSandbox() {
  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const sandbox = await startSandbox({ port: 0 });
    starts.push(performance.now() - started);
    await sandbox.stop();
  }
  const sandbox = await startSandbox({ port: 0 });
  try {
    return {
      startMs: round(median(starts)),
      processStartMs: await processStartMs(),
      requestLatency: await requestLatencies(sandbox.url),
    };
  } finally {
    await sandbox.stop();
  }
}

/** The lab deployed with the SDK, then GET /hello with the ID token: the first (cold) call, then warm ones. */
async function benchDataPlane() {
  const sandbox = await startSandbox({ port: 0 });
  try {
    const lab = await deployLab(sandbox);
    const { IdToken } = await lab.signIn();
    const call = async () => {
      const started = performance.now();
      const answer = await http(`${lab.stageUrl}/hello`, { headers: { Authorization: `Bearer ${IdToken}` } });
      if (answer.status !== 200) throw new Error(`data plane answered ${answer.status}: ${answer.text}`);
      return performance.now() - started;
    };
    const coldMs = await call();
    const warm: number[] = [];
    for (let i = 0; i < WARM_DATA_PLANE_CALLS; i++) warm.push(await call());
    return { coldAuthorizedCallMs: round(coldMs), warmAuthorizedCallMedianMs: round(median(warm)), warmCalls: WARM_DATA_PLANE_CALLS };
  } finally {
    await sandbox.stop();
  }
}

async function benchMoto() {
  const missing = motoMissing();
  if (missing) return { skipped: missing };
  const starts: number[] = [];
  for (let i = 0; i < MOTO_STARTS - 1; i++) {
    const moto = await startMoto();
    starts.push(moto.startupMs);
    await moto.stop();
  }
  const moto = await startMoto();
  starts.push(moto.startupMs);
  try {
    return { startMs: round(median(starts)), requestLatency: await requestLatencies(moto.endpoint) };
  } finally {
    await moto.stop();
  }
}

const report = {
  notes: {
    startMs: 'startSandbox() in this process, until it listens',
    processStartMs: 'node lab-grader.mjs sandbox (the single-file build) from spawn until it answers; moto startMs is measured the same way',
  },
  calls: { perOperation: CALLS_PER_OPERATION, operations: ['GetRestApis', 'ListUserPools', 'GetFunction'] },
  sandbox: await benchSandbox(),
  dataPlane: await benchDataPlane(),
  moto: await benchMoto(),
};
console.log(JSON.stringify(report, null, 2));
