// Where the lab's stage answers: AWS's execute-api host, an emulator's path form, or a URL the user gives.
import { parseUrlOption } from '../target/url-option.js';

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
  // The sandbox and LocalStack serve every API under one host, by path.
  if (endpoint !== null) return `${endpoint}/_aws/execute-api/${api}/${stageName}`;
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://${api}.execute-api.${region}.${domain}/${stageName}`;
}

/** `--stage-url`: an http(s) URL of the stage itself (the resource path is appended to it). */
export function parseStageUrlOption(value: string, flag: string): string {
  return parseUrlOption(value, flag, 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod');
}
