#!/usr/bin/env node
// Runs the TypeScript sources through tsx; `npm run bundle` makes a single-file build instead (dist/lab-grader.mjs).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
