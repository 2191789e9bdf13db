// lab-grader demo: the whole pipeline on the embedded default. A sandbox on a free loopback port, the reference
// solution deployed into it (optionally broken by one typical mistake), a live grade with the probes; and the
// sandbox always stopped, also on an error or Ctrl-C. The command prints the result.
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import type { GradeResult } from '../engine/types.js';
import type { Lab } from '../pipeline/lab.js';
import { createProgress, type ProgressStream } from '../report/progress.js';
import { startSandbox, type RunningSandbox } from '../sandbox/index.js';
import { gradeLive } from './grade-live.js';
import { DEMO_ACCOUNT, gradingTargetFor, referenceConfigFor } from './sandbox-account.js';

export interface DemoOptions {
  lab: Lab;
  /** The mistake to apply after the deploy; null: the untouched reference solution (100/100). */
  mistake: MistakeName | null;
  /** Where the demo says what it is doing, and the grade's progress. */
  log: ProgressStream & { isTTY?: boolean };
  /** Resolves when the user asks the demo to stop (Ctrl-C). */
  untilInterrupted(): Promise<void>;
}

/** The grade, or 'interrupted' when the user stopped the demo first. */
export type DemoOutcome = GradeResult | 'interrupted';

export async function runDemo(options: DemoOptions): Promise<DemoOutcome> {
  const { log } = options;
  // Listening for Ctrl-C from the start: a signal during the sandbox's start still reaches the teardown below.
  const interrupted = options.untilInterrupted().then(() => 'interrupted' as const);
  log.write('Starting the sandbox…\n');
  const sandbox = await startSandbox({ port: 0 });
  // The teardown is in place before anything is deployed: the sandbox and its Lambda workers stop whatever happens.
  try {
    const outcome = await Promise.race([gradeDemoAccount(sandbox, options), interrupted]);
    if (outcome === 'interrupted') log.write('Interrupted.\n');
    return outcome;
  } finally {
    await sandbox.stop();
    log.write(`Sandbox stopped (${sandbox.url} is closed).\n`);
  }
}

async function gradeDemoAccount(sandbox: RunningSandbox, options: DemoOptions): Promise<GradeResult> {
  const { log, lab } = options;
  const account = { endpoint: sandbox.url, accountId: DEMO_ACCOUNT };
  const spec = await lab.loadSpec();
  log.write(`Deploying the reference solution into the sandbox at ${sandbox.url} (account ${DEMO_ACCOUNT})…\n`);
  const outputs = await deployReferenceSolution(referenceConfigFor(account));
  if (options.mistake !== null) {
    log.write(`Breaking it as a learner might: ${MISTAKES[options.mistake].title} (${options.mistake})…\n`);
    await applyMistake(referenceConfigFor(account), options.mistake, outputs);
  }
  log.write('Grading, live with the probes…\n');
  const progress = createProgress(log, { tty: Boolean(log.isTTY) });
  return gradeLive(gradingTargetFor(account), spec, lab, { onCall: (event) => progress.onCall(event) }).finally(() => progress.done());
}
