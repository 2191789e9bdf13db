// Opt-in fault injection around every service handler: seeded, so a failing run can be replayed exactly.

import { setTimeout as delay } from 'node:timers/promises';
import { AwsError } from './service.js';
import type { ServiceProfile } from './profiles.js';

export interface FaultOptions {
  seed: number;
  /** Share of requests answered with the service's own throttling error; one rate, or one per service name. */
  throttleRate?: number | Record<string, number>;
  /** Share of requests answered with InternalFailure 500 or ServiceUnavailable 503. */
  errorRate5xx?: number;
  /** Added before every request is handled. */
  latencyMs?: number;
  /** Services (signing names) that never answer: each request waits until the client gives up (its timeout). */
  hang?: readonly string[];
}

/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly random: () => number;

  constructor(private readonly options: FaultOptions) {
    this.random = seededRandom(options.seed);
  }

  private throttleRate(service: string): number {
    const rate = this.options.throttleRate;
    return typeof rate === 'number' ? rate : (rate?.[service] ?? 0);
  }

  /** Throws the injected error, if this request draws one. Every request draws the same three numbers. */
  async inject(profile: ServiceProfile): Promise<void> {
    const throttleRoll = this.random();
    const errorRoll = this.random();
    const kindRoll = this.random();
    if (this.options.latencyMs) await delay(this.options.latencyMs);
    // No timer: a hung request holds nothing that keeps the process alive, and stop() closes its socket.
    if (this.options.hang?.includes(profile.name)) await new Promise<never>(() => {});
    if (throttleRoll < this.throttleRate(profile.name)) throw profile.throttling();
    if (errorRoll < (this.options.errorRate5xx ?? 0)) {
      throw kindRoll < 0.5
        ? new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500)
        : new AwsError('ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', 503);
    }
  }
}
