// How the probes wait for a deployment made seconds ago: API Gateway answers 403 Missing Authentication Token for
// a route it is about to serve, for up to about a minute.
import type { FreshDeploymentPolicy } from '../../src/probes/index.js';
import { isMissingAuthenticationToken } from '../support/probes.js';

export const FRESH_DEPLOYMENT_POLICY: FreshDeploymentPolicy = {
  youngerThanMs: 60_000,
  retryDelaysMs: [500, 1_000, 2_000],
  notServingYet: isMissingAuthenticationToken,
};
