// Lambda (restJson1, /2015-03-31/functions...): the routes of its areas, over the state they share.

import type { FidelityOptions } from '../fidelity.js';
import type { IamDirectory } from '../iam/state.js';
import type { LambdaRunner } from '../runner/types.js';
import { own, type Persistable, type RequestContext, type RestJsonService } from '../service.js';
import type { StoredFunction } from './function-spec.js';
import { functionRoutes } from './functions.js';
import { invokeRoutes } from './invoke.js';
import { permissionRoutes } from './permissions.js';
import { LambdaState, type PolicyStatement } from './state.js';

export type { FunctionConfiguration } from './state.js';

export interface LambdaService extends RestJsonService, Persistable {
  /** The stored function, its zip and its resource policy, for the Lambda runner and the API data plane. */
  getFunction(scope: Pick<RequestContext, 'accountId' | 'region'>, name: string): (StoredFunction & { policy: PolicyStatement[] }) | undefined;
}

export function createLambdaService(deps: { iam: IamDirectory; fidelity: FidelityOptions; runner: LambdaRunner }): LambdaService {
  const state = new LambdaState();
  return {
    routes: [...functionRoutes(state, deps), ...permissionRoutes(state), ...invokeRoutes(state, deps.runner)],
    ...state.persistence,
    getFunction(scope, name) {
      const record = own(state.functions(scope), name);
      return record && { configuration: record.configuration, zip: Buffer.from(record.zipBase64, 'base64'), policy: record.policy };
    },
  };
}
