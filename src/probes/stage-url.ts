// `--stage-url`: the stage the user asks the probes to call instead of the one the evidence points at.
import { parseUrlOption } from '../target/url-option.js';

/** `--stage-url`: an http(s) URL of the stage itself (the resource path is appended to it). */
export function parseStageUrlOption(value: string, flag: string): string {
  return parseUrlOption(value, flag, 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod');
}
