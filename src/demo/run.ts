// lab-grader demo: the whole pipeline on the embedded default. A sandbox on a free loopback port, the reference
// solution deployed into it (optionally broken by one typical mistake), a live grade with the probes, the
// reports; and the sandbox always stopped, also on an error or Ctrl-C.
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { emitResult } from '../cli/emit-result.js';
import type { CliIo } from '../cli/io.js';
import { loadLabSpec } from '../lab/load.js';
import type { ReportFormat } from '../report/index.js';
import { createProgress } from '../report/progress.js';
import { startSandbox, type RunningSandbox } from '../sandbox/index.js';
import { gradeLive } from './grade-live.js';
import { DEMO_ACCOUNT, gradingTargetFor, referenceConfigFor } from './sandbox-account.js';

export interface DemoOptions {
  /** The mistake to apply after the deploy; null: the untouched reference solution (100/100). */
  mistake: MistakeName | null;
  formats: ReportFormat[];
  out: string;
}

/** The shell's code for a run ended by SIGINT (128 + 2). */
export const INTERRUPTED_EXIT_CODE = 130;

export async function runDemo(options: DemoOptions, io: CliIo): Promise<number> {
  // Listening for Ctrl-C from the start: a signal during the sandbox's start still reaches the teardown below.
  const interrupted = io.untilInterrupted().then(() => 'interrupted' as const);
  io.stderr.write('Starting the sandbox…\n');
  const sandbox = await startSandbox({ port: 0 });
  // The teardown is in place before anything is deployed: the sandbox and its Lambda workers stop whatever happens.
  try {
    const outcome = await Promise.race([gradeDemoAccount(sandbox, options, io), interrupted]);
    if (outcome !== 'interrupted') return outcome;
    io.stderr.write('Interrupted.\n');
    return INTERRUPTED_EXIT_CODE;
  } finally {
    await sandbox.stop();
    io.stderr.write(`Sandbox stopped (${sandbox.url} is closed).\n`);
  }
}

async function gradeDemoAccount(sandbox: RunningSandbox, options: DemoOptions, io: CliIo): Promise<number> {
  const account = { endpoint: sandbox.url, accountId: DEMO_ACCOUNT };
  const lab = await loadLabSpec();
  io.stderr.write(`Deploying the reference solution into the sandbox at ${sandbox.url} (account ${DEMO_ACCOUNT})…\n`);
  const outputs = await deployReferenceSolution(referenceConfigFor(account));
  if (options.mistake !== null) {
    io.stderr.write(`Breaking it as a learner might: ${MISTAKES[options.mistake].title} (${options.mistake})…\n`);
    await applyMistake(referenceConfigFor(account), options.mistake, outputs);
  }
  io.stderr.write('Grading, live with the probes…\n');
  const progress = createProgress(io.stderr, { tty: Boolean(io.stderr.isTTY) });
  const result = await gradeLive(gradingTargetFor(account), lab, { onCall: (event) => progress.onCall(event) }).finally(() => progress.done());

  return emitResult(result, options.formats, options.out, io);
}
