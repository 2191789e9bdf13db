// Where API Gateway serves a REST API's stages: AWS's execute-api host, or the path form under which an emulator
// (the sandbox, LocalStack) serves every API from one host. The probes call it, the reference solution reports
// it, and the sandbox serves it, so all three build it here.

/** The emulators' path form: `<endpoint>/_aws/execute-api/<apiId>/<stage>/<resource path>`. */
export const EXECUTE_API_PATH_PREFIX = '/_aws/execute-api/';

/** `<apiId>.execute-api.<region>.amazonaws.com`; the China regions are under amazonaws.com.cn. */
export function executeApiHost(apiId: string, region: string): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${apiId}.execute-api.${region}.${domain}`;
}

export interface StageLocation {
  apiId: string;
  stage: string;
  region: string;
  /** The --endpoint-url of the target; null for real AWS. */
  endpoint: string | null;
}

/** The stage's base URL, without the resource path: `https://<apiId>.execute-api.<region>.amazonaws.com/<stage>`. */
export function stageUrl({ apiId, stage, region, endpoint }: StageLocation): string {
  const api = encodeURIComponent(apiId);
  const stageName = encodeURIComponent(stage);
  if (endpoint !== null) return `${endpoint.replace(/\/+$/, '')}${EXECUTE_API_PATH_PREFIX}${api}/${stageName}`;
  return `https://${executeApiHost(api, region)}/${stageName}`;
}
