// This lab as one object the grader's commands take: its catalogue, spec, activity titles, fix-command IDs,
// and its collectors and probes.
import { collectEvidence } from '../../src/collect/index.js';
import type { Check } from '../../src/engine/types.js';
import { readLabSpec } from '../../src/lab/load.js';
import type { Lab } from '../../src/pipeline/lab.js';
import { planProbes, runProbes } from '../../src/probes/index.js';
import { FRESH_DEPLOYMENT_POLICY } from './fresh-deployment.js';
import { REMEDIATION_IDS, remediationIds } from './remediation-ids.js';
import { BUNDLED_LAB_SPEC, BUNDLED_LAB_SPEC_WHERE } from './spec.js';
import { STEP_TITLES } from './steps.js';

export function createLabBundle(catalogue: readonly Check[]): Lab {
  const bundled = { document: BUNDLED_LAB_SPEC, where: BUNDLED_LAB_SPEC_WHERE, checkIds: catalogue.map((check) => check.meta.id) };
  return {
    catalogue,
    stepTitles: STEP_TITLES,
    remediationIds,
    shellVariables: REMEDIATION_IDS,
    loadSpec: (path) => readLabSpec(path, bundled),
    collect: collectEvidence,
    probes: { plan: planProbes, run: (plan, options) => runProbes(plan, { freshDeployment: FRESH_DEPLOYMENT_POLICY, ...options }) },
  };
}
