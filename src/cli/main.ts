// The lab-grader executable: the CLI, grading this package's lab (checks/).
import type { CliIo } from './io.js';
import { runCli } from './run.js';

// The AWS SDK warns on Node 20 that its future versions will need Node 22: a notice about our pinned dependency,
// not about the learner's lab, so it stays out of their report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  untilInterrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
};

// Loaded on demand, like the commands: its collectors bring the AWS SDK.
const loadLab = async () => (await import('../../checks/index.js')).labBundle;

process.exitCode = await runCli(process.argv.slice(2), io, loadLab);
