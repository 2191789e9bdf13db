// The live probes: whether they ran, and how API Gateway's answer reads in a message.
import type { Evaluation, TemplateData } from '../../src/engine/types.js';
import type { HttpExchange, ProbeName, Snapshot } from '../../src/snapshot/types.js';
import { parseJsonBody } from './json-body.js';
import { unobserved } from './observed.js';
import { errored, failed, passed } from './verdict.js';

/** Every probe check includes this message: a check that could not be made is never reported as a pass. */
export const PROBES_NOT_RUN_MESSAGES = {
  probesNotRun: 'The live probes were not run ({{reason}}), so this check was not made.',
} as const;

/** The ERROR every probe check returns when the snapshot holds no live probes; null when they ran. */
export function probesNotRun(snapshot: Snapshot): Evaluation | null {
  if (snapshot.probes.state === 'run') return null;
  return errored('probesNotRun', { reason: snapshot.probes.reason ?? 'no reason recorded' });
}

const MESSAGE_LIMIT = 120;

/** API Gateway's own `{"message": ...}` text, or the start of whatever else the body holds. */
export function gatewayMessage(exchange: HttpExchange): string {
  const parsed = parseJsonBody(exchange.body);
  if (parsed.kind === 'json' && parsed.value && typeof parsed.value === 'object' && typeof (parsed.value as { message?: unknown }).message === 'string') {
    return (parsed.value as { message: string }).message;
  }
  // Anything else: quote the body itself.
  const body = exchange.body.trim();
  if (body === '') return 'empty body';
  return body.length > MESSAGE_LIMIT ? `${body.slice(0, MESSAGE_LIMIT)}…` : body;
}

/** 403 for a path or method the deployed stage does not have (route matching happens before any authorizer). */
export function isMissingAuthenticationToken(exchange: HttpExchange): boolean {
  return exchange.status === 403 && gatewayMessage(exchange) === 'Missing Authentication Token';
}

/** Template data for an answer: status, API Gateway's message, the URL called. */
export function answerData(exchange: HttpExchange): TemplateData {
  return { status: exchange.status, gatewayMessage: gatewayMessage(exchange), url: exchange.url };
}

/** Evidence for an answer: enough to see what happened, never a header that could carry a token. */
export function answerEvidence(exchange: HttpExchange): unknown {
  return { url: exchange.url, status: exchange.status, body: exchange.body, errorType: exchange.headers['x-amzn-errortype'] ?? null };
}

/**
 * Messages every HTTP probe check shares. `call` names the request in words with lab placeholders
 * ("{{names.httpMethod}} {{names.resourcePath}} without a token"); `expectedStatus` is what the lab expects.
 */
export function sharedAnswerMessages(call: string, expectedStatus: number): Record<'routeNotDeployed' | 'unexpectedStatus', string> {
  return {
    routeNotDeployed: `${call} answered 403 Missing Authentication Token, so the {{names.stage}} stage does not serve {{names.httpMethod}} {{names.resourcePath}}: it was added after the last deployment.`,
    unexpectedStatus: `${call} answered {{status}} ({{gatewayMessage}}), not the ${expectedStatus} the lab expects.`,
  };
}

/**
 * The verdict for a call the deployed method must refuse with 401 (no token, a forged token, an access token):
 * PASS 'rejected'; FAIL 'accepted' (200), 'routeNotDeployed' or 'unexpectedStatus'. `what` names the call for ERRORs.
 */
export function expectUnauthorized(snapshot: Snapshot, probe: ProbeName, what: string): Evaluation {
  const notRun = probesNotRun(snapshot);
  if (notRun) return notRun;
  const observed = snapshot.probes.http[probe];
  if (observed.state !== 'found') return unobserved(observed, what);
  const answer = observed.value;
  const data = answerData(answer);
  const evidence = answerEvidence(answer);
  if (answer.status === 401) return passed('rejected', data, evidence);
  if (answer.status === 200) return failed('accepted', data, evidence);
  return failed(isMissingAuthenticationToken(answer) ? 'routeNotDeployed' : 'unexpectedStatus', data, evidence);
}
