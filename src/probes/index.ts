// The live probes: sign in as the lab user, then call the stage without a token, with the ID token (Bearer and
// raw), with the access token and with a forged token. Each result is an observation; nothing here throws for
// what the account or the network does. The call without a token does not wait for the sign-in.
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { CallEvent } from '../observation/observe.js';
import { GRADER_VERSION } from '../version.js';
import type { AuthOutcome, DecodedToken, HttpExchange, Observed, ProbeEvidence, ProbeName } from '../snapshot/types.js';
import { signIn, SIGN_IN_OPERATION, type IssuedTokens, type SignInResult } from './auth.js';
import { forgeryKeyOnce, forgeToken, idTokenLookalike } from './forge.js';
import { callAllowingForPropagation, type FreshDeploymentPolicy } from './fresh-deployment.js';
import { callStage, createProbeAgent, MAX_BODY_BYTES, type HttpLimits } from './http.js';
import type { ProbePlan } from './plan.js';
import { redactSecrets } from './redact.js';

export { planProbes, type PlanOptions, type ProbePlan } from './plan.js';
export { PASSWORD_ENV, resolveProbePassword } from './password.js';
export { parseStageUrlOption } from './stage-url.js';
export { MAX_BODY_BYTES, type HttpLimits } from './http.js';
export type { FreshDeploymentPolicy } from './fresh-deployment.js';

export interface ProbeOptions {
  /** The grading Cognito client (InitiateAuth is the one non-read it may send). */
  cognito: CognitoIdentityProviderClient;
  /** The lab user's password: sent to Cognito, kept out of the evidence. */
  password: string;
  /** Timeouts of the HTTP calls; maxBodyBytes defaults to MAX_BODY_BYTES. */
  limits: Omit<HttpLimits, 'maxBodyBytes'> & { maxBodyBytes?: number };
  /** How a fresh deployment is waited for; without one, every answer is recorded as it comes. */
  freshDeployment?: FreshDeploymentPolicy;
  onCall?: (event: CallEvent) => void;
  now?: () => Date;
}

export async function runProbes(plan: ProbePlan, options: ProbeOptions): Promise<ProbeEvidence> {
  const now = options.now ?? (() => new Date());
  const limits: HttpLimits = { maxBodyBytes: MAX_BODY_BYTES, ...options.limits };
  const tracked = <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    options.onCall?.({ operation, phase: 'start' });
    return run().finally(() => options.onCall?.({ operation, phase: 'end' }));
  };
  const client = plan.clientId;
  const signInAsLabUser = (): Promise<SignInResult> =>
    client.ready
      ? tracked(SIGN_IN_OPERATION, () => signIn(options.cognito, { clientId: client.value, username: plan.username, password: options.password }))
      : Promise.resolve({ evidence: skipped(client.reason), tokens: null });

  const stage = plan.stageUrl;
  if (!stage.ready) {
    const { evidence: auth } = await signInAsLabUser();
    const notCalled = skipped(stage.reason);
    const http = { noToken: notCalled, bearerIdToken: notCalled, rawIdToken: notCalled, accessToken: notCalled, forgedToken: notCalled };
    return redactSecrets({ state: 'run', reason: null, stageUrl: null, auth, http }, [options.password]);
  }

  const agent = createProbeAgent(limits);
  try {
    const operation = `execute-api:${plan.httpMethod} ${plan.resourcePath}`;
    const call = (authorization: string | null): Promise<Observed<HttpExchange>> => {
      const headers = { 'user-agent': `lab-grader/${GRADER_VERSION}`, ...(authorization === null ? {} : { authorization }) };
      const once = () => callStage(agent, { operation, url: `${stage.value}${plan.resourcePath}`, method: plan.httpMethod, headers }, limits);
      const { freshDeployment } = options;
      return tracked(operation, () => (freshDeployment ? callAllowingForPropagation(once, plan.deployedAt, now(), freshDeployment) : once()));
    };

    // Neither needs the sign-in: both start now.
    const noToken = call(null);
    const forgeryKey = forgeryKeyOnce();
    const { evidence: auth, tokens } = await signInAsLabUser();
    const callWith = (token: string | null | undefined, authorization: (token: string) => string, missing: string) =>
      token ? call(authorization(token)) : Promise.resolve(skipped(tokens === null ? whyNoTokens(auth) : missing));
    const forged = await forgeToken(forgeryTemplate(plan, auth, now()), await forgeryKey);

    const [noTokenAnswer, bearerIdToken, rawIdToken, accessToken, forgedToken] = await Promise.all([
      noToken,
      callWith(tokens?.idToken, (token) => `Bearer ${token}`, 'Cognito issued no ID token'),
      callWith(tokens?.idToken, (token) => token, 'Cognito issued no ID token'),
      callWith(tokens?.accessToken, (token) => token, 'Cognito issued no access token'),
      call(`Bearer ${forged}`),
    ]);
    const http: Record<ProbeName, Observed<HttpExchange>> = { noToken: noTokenAnswer, bearerIdToken, rawIdToken, accessToken, forgedToken };
    return redactSecrets({ state: 'run', reason: null, stageUrl: stage.value, auth, http }, [options.password, forged, ...secretsOf(tokens)]);
  } finally {
    await agent.destroy();
  }
}

/** Why the calls that need a token were not made, when Cognito gave none. */
function whyNoTokens(auth: Observed<AuthOutcome>): string {
  switch (auth.state) {
    case 'skipped':
      return auth.reason;
    case 'error':
      return `the sign-in failed (${auth.error.kind})`;
    default:
      return 'Cognito issued no tokens';
  }
}

/** The ID token's own header and claims when Cognito issued one; otherwise what it would have held. */
function forgeryTemplate(plan: ProbePlan, auth: Observed<AuthOutcome>, now: Date): DecodedToken {
  if (auth.state === 'found' && auth.value.outcome === 'tokens' && auth.value.idToken !== null) return auth.value.idToken;
  return idTokenLookalike({ issuer: plan.issuer, clientId: plan.clientId.ready ? plan.clientId.value : null, username: plan.username, now });
}

function secretsOf(tokens: IssuedTokens | null): string[] {
  return tokens === null ? [] : [tokens.idToken, tokens.accessToken, tokens.refreshToken].filter((token): token is string => token !== null);
}

function skipped(reason: string): Observed<never> {
  return { state: 'skipped', reason };
}
