// The mistake matrix as accounts: the reference solution, and the reference solution with each mistake of
// MISTAKES applied (one account each), deployed as test/matrix/mistakes.test.ts deploys them.
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { sandboxConfig } from '../reference-solution/helpers.js';

/** Account id -> the mistake made in it; null: the reference solution as deployed. */
export const MATRIX_ACCOUNTS: ReadonlyMap<string, MistakeName | null> = new Map([
  ['320000000000', null],
  ...(Object.keys(MISTAKES) as MistakeName[]).map((name, index): [string, MistakeName] => [String(320000000001 + index), name]),
]);

export async function deployMatrix(sandbox: RunningSandbox): Promise<void> {
  await Promise.all(
    [...MATRIX_ACCOUNTS].map(async ([account, mistake]) => {
      const config = sandboxConfig(sandbox, account);
      const outputs = await deployReferenceSolution(config);
      if (mistake !== null) await applyMistake(config, mistake, outputs);
    }),
  );
}
