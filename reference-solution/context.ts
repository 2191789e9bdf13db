// What every step of a deploy, a teardown or a mistake reads: the clients, the lab's names, where, and the log.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { loadLabSpec } from '../checks/index.js';
import type { LabSpec } from '../src/lab/types.js';
import type { ReferenceClients } from './clients.js';
import type { ReferenceConfig } from './config.js';

export interface ReferenceContext {
  clients: ReferenceClients;
  lab: LabSpec;
  region: string;
  accountId: string;
  log: (line: string) => void;
}

export async function createContext(clients: ReferenceClients, config: ReferenceConfig): Promise<ReferenceContext> {
  const [lab, identity] = await Promise.all([config.lab ?? loadLabSpec(), clients.sts.send(new GetCallerIdentityCommand({}))]);
  if (identity.Account === undefined) throw new Error('GetCallerIdentity returned no account');
  return { clients, lab, region: config.region, accountId: identity.Account, log: config.log ?? (() => {}) };
}

/** Whether a step made or changed something, or found it as wanted. */
export type Outcome = 'created' | 'updated' | 'reused';

export function logOutcome(ctx: ReferenceContext, what: string, outcome: Outcome, id: string): void {
  ctx.log(`${what}: ${outcome} ${id}`);
}
