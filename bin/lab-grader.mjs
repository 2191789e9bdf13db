#!/usr/bin/env node
// The lab-grader executable: runs the single-file build (dist/lab-grader.mjs), which `npm run build` makes and
// `npm ci` / `npm install` make through "prepare". Plain JavaScript starts fast; the TypeScript sources run
// through tsx only in development (`npm run dev -- <command>`, and the tests).
import { existsSync } from 'node:fs';

const build = new URL('../dist/lab-grader.mjs', import.meta.url);
if (existsSync(build)) {
  await import(build.href);
} else {
  process.stderr.write(
    'Error: lab-grader is not built: dist/lab-grader.mjs is missing. Run `npm run build` in the lab-grader folder (npm ci runs it), or `npm run dev -- <command>` to run the sources.\n',
  );
  process.exitCode = 3;
}
