// Rate limits on the grading clients: before each call of a limited operation (each page is one), the client
// waits for its limit. Keyed "service:Operation", the service being the GradingClients key.
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, Pluggable } from '@smithy/types';

export interface RateLimit {
  /** Resolves when the request may be sent. */
  acquire(): Promise<void>;
}

/** "apigateway:GetResources" -> its limit. */
export type RateLimits = ReadonlyMap<string, RateLimit>;

export function rateLimiter(service: string, limits: RateLimits): Pluggable<object, object> {
  return {
    applyToStack(stack) {
      stack.add(
        (next: InitializeHandler<object, object>, context: HandlerExecutionContext) => async (args: InitializeHandlerArguments<object>) => {
          const operation = String(context['commandName'] ?? '').replace(/Command$/, '');
          await limits.get(`${service}:${operation}`)?.acquire();
          return next(args);
        },
        // After the read-only guard: a refused command waits for nothing.
        { step: 'initialize', priority: 'low', name: 'labGraderRateLimit' },
      );
    },
  };
}
