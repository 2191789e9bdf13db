// Where else the lab's resource is, when the graded region has none: a learner whose console was set to another
// region built the lab there. Asked only for a missing resource, in a fixed list of regions, all at once; a
// region that cannot be read (not enabled, access denied, timed out) is simply not named.
import type { Observed } from '../snapshot/types.js';
import { createGradingClients, destroyGradingClients, type ClientOptions, type GradingClients } from '../target/clients.js';
import { AWS_REGIONS_BY_PARTITION, type AwsRegion } from '../target/regions.js';
import type { Target } from '../target/target.js';
import type { CollectContext } from './context.js';

/** The commercial regions every account has enabled (opt-in regions left out: most accounts cannot read them). */
export const SEARCHED_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2',
] as const satisfies readonly AwsRegion[];

/** Grading clients for other regions, made on first use with the target's credentials, timeouts and limits. */
export interface RegionalClients {
  clientsIn(region: string): GradingClients;
  destroy(): void;
}

export function regionalClients(target: Target, options: ClientOptions = {}): RegionalClients {
  const made = new Map<string, GradingClients>();
  return {
    clientsIn(region) {
      const existing = made.get(region);
      if (existing !== undefined) return existing;
      const clients = createGradingClients({ ...target, region }, options);
      made.set(region, clients);
      return clients;
    },
    destroy() {
      for (const clients of made.values()) destroyGradingClients(clients);
      made.clear();
    },
  };
}

/**
 * The searched regions, other than the graded one, where `lookUp` (run with that region's clients) finds the
 * resource; undefined when the collection has no clients for other regions. Only from a commercial region:
 * credentials for China or GovCloud cannot read the list's regions.
 */
export async function regionsHolding(
  ctx: CollectContext,
  lookUp: (regional: CollectContext) => Promise<Observed<unknown>>,
): Promise<string[] | undefined> {
  const { clientsIn } = ctx;
  if (clientsIn === undefined) return undefined;
  if (!(AWS_REGIONS_BY_PARTITION.aws as readonly string[]).includes(ctx.region)) return [];
  const others = SEARCHED_REGIONS.filter((region) => region !== ctx.region);
  const found = await Promise.all(others.map(async (region) => (await lookUp({ ...ctx, region, clients: clientsIn(region) })).state === 'found'));
  return others.filter((_region, index) => found[index]);
}
