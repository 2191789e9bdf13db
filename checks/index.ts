// The lab's check catalogue, in lab order: the key order of checks/lab.json's points, the one place that order is
// written (reports list the checks in it). Each check is the module checks/<id>.ts, found by its id, so adding one
// takes its file, its test file (test/checks/<id>.test.ts), its points, and the fixtures it changes.
import type { Check } from '../src/engine/types.js';
import type { Lab } from '../src/pipeline/lab.js';
import { createLabBundle } from './lab/bundle.js';
import { BUNDLED_LAB_SPEC } from './lab/spec.js';

const CHECK_IDS = Object.keys((BUNDLED_LAB_SPEC as { points: Record<string, number> }).points);

// A template import: the single-file build takes in every checks/*.ts it could name.
export const catalogue: Check[] = await Promise.all(
  CHECK_IDS.map(async (id) => ((await import(`./${id}.ts`)) as { default: Check }).default),
);

/** This lab, as the grader's commands, the batch and the demo take it. */
export const labBundle: Lab = createLabBundle(catalogue);

/** This lab's spec (checks/lab.json), or an instructor's (a path), checked against the catalogue. */
export const loadLabSpec = labBundle.loadSpec;
