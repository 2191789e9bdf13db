// moto (a Python AWS emulator) as a child process for the collector tests, and the lab built in it with the
// lab's own AWS CLI commands (test/support/lab.sh).
import { awsCliMissing, labScript, runLab } from '../../support/lab-script.js';
import { motoMissing } from '../../support/moto.js';

export { startMoto, type Moto } from '../../support/moto.js';

export const MOTO_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_SESSION_TOKEN: 'testing' };
/** moto's default account. */
export const MOTO_ACCOUNT = '123456789012';

/** Why the moto tests cannot run here, or undefined when they can: they need moto and the AWS CLI. */
export function motoUnavailable(): string | undefined {
  return motoMissing() ?? awsCliMissing();
}

/** The IDs the lab's commands created (USER_POOL_ID, CLIENT_ID, API_ID, ...). */
export type LabIds = Record<string, string>;

const LAB_IDS = ['USER_POOL_ID', 'CLIENT_ID', 'LAMBDA_ROLE_ARN', 'LAMBDA_ARN', 'API_ID', 'RESOURCE_ID', 'AUTHORIZER_ID'];

async function runAgainst(endpoint: string, script: string, report: string[]): Promise<LabIds> {
  const run = await runLab(script, { endpoint, accessKeyId: MOTO_CREDENTIALS.AWS_ACCESS_KEY_ID, skipSleep: true, report });
  if (run.code !== 0) throw new Error(`the lab's commands failed against moto (${run.code}): ${run.stderr}`);
  return run.vars;
}

/** Runs LAB.md's Activities 2 to 10 up to the deployment against moto (it has no API data plane to curl). */
export function buildLab(endpoint: string): Promise<LabIds> {
  return runAgainst(endpoint, labScript({ throughDeployment: true }), LAB_IDS);
}

/** A second pool of the lab's name, newer than the first, that nothing references: a learner who ran Activity 3 again. */
export async function addSecondPool(endpoint: string): Promise<string> {
  const ids = await runAgainst(
    endpoint,
    `${labScript({ activities: [2] })}
SECOND_POOL_ID=$(aws cognito-idp create-user-pool --pool-name $USER_POOL_NAME --region $REGION --query UserPool.Id --output text)
`,
    ['SECOND_POOL_ID'],
  );
  return ids['SECOND_POOL_ID'] ?? '';
}
