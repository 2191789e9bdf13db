// Builds dist/lab-grader.mjs (or the path given): one self-contained file that runs with plain Node 20
// (e.g. in AWS CloudShell).
import { build } from 'esbuild';
import { stat } from 'node:fs/promises';

const outfile = process.argv[2] ?? 'dist/lab-grader.mjs';
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // Some dependencies are CommonJS and call require(); give the ES module bundle one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
const { size } = await stat(outfile);
console.log(JSON.stringify({ outfile, bytes: size }));
