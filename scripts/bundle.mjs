// Builds dist/lab-grader.mjs (or the path given): one self-contained file that runs with plain Node 20
// (e.g. in AWS CloudShell). `npm run build`, and `npm ci` through "prepare"; bin/lab-grader.mjs runs it.
import { build } from 'esbuild';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const repo = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const outfile = process.argv[2] ?? repo('dist/lab-grader.mjs');
await build({
  entryPoints: [repo('src/cli/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The AWS SDK's packages name their ES modules in "module" and have no "exports": preferring them over the
  // CommonJS "main" lets the unused commands be left out, and less code to parse and run at every start.
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  // Some dependencies are CommonJS and call require(); give the ES module bundle one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
const { size } = await stat(outfile);
console.log(JSON.stringify({ outfile, bytes: size }));
