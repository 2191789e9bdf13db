// Where AWS calls go when --endpoint-url is not given: the AWS SDK's own answer, so that the stage URLs the probes
// call follow the same endpoint as the SDK calls. The SDK reads, in order, AWS_ENDPOINT_URL_<SERVICE>
// (e.g. AWS_ENDPOINT_URL_API_GATEWAY), AWS_ENDPOINT_URL, then the config profile's (AWS_PROFILE's, else default's)
// `services` section and `endpoint_url`; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS turns all of them off.
import type { GradingClients } from './clients.js';
import type { Target } from './target.js';

/**
 * The endpoint API Gateway calls go to (execute-api stages are served there too): the target's own, else the
 * one the SDK resolved from the environment or the config profile; null for AWS itself.
 */
export async function apiGatewayEndpoint(target: Pick<Target, 'endpoint'>, clients: Pick<GradingClients, 'apigateway'>): Promise<string | null> {
  if (target.endpoint !== null) return target.endpoint;
  const configured = await clients.apigateway.config.serviceConfiguredEndpoint?.();
  return configured ? configured.replace(/\/+$/, '') : null;
}
