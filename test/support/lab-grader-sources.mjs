// lab-grader from its TypeScript sources, through tsx: what the tests that start the CLI as a process run, so that
// they test the code as it is, not the last build (bin/lab-grader.mjs runs dist/, which test/bundle.test.ts covers).
import { register } from 'tsx/esm/api';

register();
await import('../../src/cli/main.ts');
