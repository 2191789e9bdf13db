// target -> collect -> probe -> snapshot: everything a live grade observes, for one account.
import { collectSnapshot, type CallEvent } from '../collect/index.js';
import type { LabSpec } from '../lab/types.js';
import type { Snapshot } from '../snapshot/types.js';
import { createGradingClients, destroyGradingClients } from '../target/clients.js';
import type { Target } from '../target/target.js';

export interface TakeSnapshotOptions {
  /** Called as each AWS call starts and ends (progress). */
  onCall?: (event: CallEvent) => void;
  now?: () => Date;
}

export async function takeSnapshot(target: Target, lab: LabSpec, options: TakeSnapshotOptions = {}): Promise<Snapshot> {
  const clients = createGradingClients(target);
  try {
    return await collectSnapshot(clients, target, lab, { onCall: options.onCall, now: options.now });
  } finally {
    destroyGradingClients(clients);
  }
}
