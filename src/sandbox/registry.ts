// The services this sandbox speaks, the Lambda runner they share, and the API data plane over them.
// Wiring a service in is one line in the bindings below.

import { bind, type ServiceBinding } from './binding.js';
import type { IssuedKeyLookup } from './accounts.js';
import type { DataPlaneHandler } from './data-plane.js';
import type { SandboxOptions } from './options.js';
import { apiGatewayProfile, cognitoProfile, iamProfile, lambdaProfile, stsProfile } from './profiles.js';
import { createIamService } from './iam/index.js';
import { createStsService } from './sts/index.js';
import { createLambdaService } from './lambda/index.js';
import { createApiGatewayService } from './apigateway/index.js';
import { createCognitoService } from './cognito/index.js';
import { createDataPlane } from './execute-api/index.js';
import { createLambdaRunner } from './runner/runner.js';
import type { LambdaRunner } from './runner/types.js';

export interface SandboxServices {
  bindings: ServiceBinding[];
  issuedKeys: IssuedKeyLookup;
  dataPlane: DataPlaneHandler;
  /** Runs Lambda code for Invoke and the data plane; stopped with the sandbox. */
  runner: LambdaRunner;
}

export function createServices(options: Pick<SandboxOptions, 'fidelity' | 'runner' | 'dataPlane' | 'signingKeys'>): SandboxServices {
  const runner = createLambdaRunner(options.runner);
  const iam = createIamService();
  const sts = createStsService(iam);
  const lambda = createLambdaService({ iam, fidelity: options.fidelity ?? {}, runner });
  const apigateway = createApiGatewayService();
  const cognito = createCognitoService({ signingKeys: options.signingKeys });
  return {
    issuedKeys: sts,
    runner,
    dataPlane: createDataPlane({ apigateway, lambda, verifier: cognito.verifier, runner }, options.dataPlane),
    bindings: [
      bind(iamProfile, iam),
      bind(stsProfile, sts),
      bind(lambdaProfile, lambda),
      bind(apiGatewayProfile, apigateway),
      bind(cognitoProfile, cognito),
    ],
  };
}
