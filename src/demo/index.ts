// The demo and what the mistake matrix and the benchmark share with it: a sandbox account, graded live.
export { gradeLive } from './grade-live.js';
export { LIST_MISTAKES, mistakeList, mistakeNamed } from './mistakes.js';
export { runDemo, type DemoOptions, type DemoOutcome } from './run.js';
export { DEMO_ACCOUNT, gradingTargetFor, referenceConfigFor, type SandboxAccount } from './sandbox-account.js';
export { MAX_DEMO_CLASS, parseClassSize, runClassDemo, type DemoClass } from './class.js';
