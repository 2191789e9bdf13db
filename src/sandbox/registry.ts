// The services this sandbox speaks. Wiring one in is one line in the list below.

import { bind, type ServiceBinding } from './binding.js';
import type { IssuedKeyLookup } from './accounts.js';
import type { FidelityOptions } from './options.js';
import { apiGatewayProfile, cognitoProfile, iamProfile, lambdaProfile, stsProfile } from './profiles.js';
import { createIamService } from './iam/index.js';
import { createStsService } from './sts/index.js';
import { createLambdaService } from './lambda/index.js';
import { createApiGatewayService } from './apigateway/index.js';
import { createCognitoService } from './cognito/index.js';

export interface SandboxServices {
  bindings: ServiceBinding[];
  issuedKeys: IssuedKeyLookup;
}

export function createServices(fidelity: FidelityOptions): SandboxServices {
  const iam = createIamService();
  const sts = createStsService(iam);
  return {
    issuedKeys: sts,
    bindings: [
      bind(iamProfile, iam),
      bind(stsProfile, sts),
      bind(lambdaProfile, createLambdaService({ iam, fidelity })),
      bind(apiGatewayProfile, createApiGatewayService()),
      bind(cognitoProfile, createCognitoService()),
    ],
  };
}
