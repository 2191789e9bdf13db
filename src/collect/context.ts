// What every collector is handed.
import type { LabSpec } from '../lab/types.js';
import type { GradingClients } from '../target/clients.js';
import type { Observe } from '../observation/observe.js';

export interface CollectContext {
  clients: GradingClients;
  lab: LabSpec;
  /** For messages: "no user pool named MyAPIUserPool in us-east-1". */
  region: string;
  observe: Observe;
  /** The grading clients of another region, to say where else a missing resource is; without it, nothing is said. */
  clientsIn?: (region: string) => GradingClients;
}

/** A collector's evidence and the notes (which duplicate was graded, and why) it has for the learner. */
export interface Section<T> {
  evidence: T;
  notes: string[];
}
