// Hand-built GradeResults for the report writers' tests: a lab of their own, modelled on the bundled one but
// independent of it (its checks, titles and points are written here), so that the scores and counts these
// tests expect are facts about this sample and stay put when the bundled catalogue or its points change.
// Totals, counts and steps are derived the way the engine derives them.
import { planNextSteps } from '../../src/engine/plan.js';
import type { CheckResult, CheckStatus, GradeResult, Severity, StepSummary } from '../../src/engine/types.js';

const LAB = { id: 'apigw-cognito-secure-api', title: 'Securing an API with Amazon API Gateway and Amazon Cognito', version: '1.0.0' };

const STEP_TITLES: Record<number, string> = {
  3: 'Activity 3: Create Cognito User Pool',
  4: 'Activity 4: Create User Pool Client',
  5: 'Activity 5: Create Test User',
  6: 'Activity 6: Create Lambda Backend Function',
  7: 'Activity 7: Create API Gateway REST API',
  8: 'Activity 8: Create Cognito Authorizer',
  9: 'Activity 9: Attach Method and Lambda Integration',
  10: 'Activity 10: Deploy API and Test',
};

type CatalogueEntry = [id: string, step: number, title: string, kind: 'inspect' | 'probe', severity: Severity, points: number];

const CATALOGUE: CatalogueEntry[] = [
  ['user-pool-exists', 3, 'User pool MyAPIUserPool exists', 'inspect', 'critical', 4],
  ['app-client-exists', 4, 'App client APIClient exists', 'inspect', 'critical', 3],
  ['app-client-password-auth', 4, 'App client allows USER_PASSWORD_AUTH', 'inspect', 'high', 4],
  ['app-client-no-secret', 4, 'App client has no secret', 'inspect', 'medium', 2],
  ['test-user-ready', 5, 'User testuser is confirmed with a permanent password', 'inspect', 'high', 4],
  ['execution-role-exists', 6, 'Role lambda-execution-role exists', 'inspect', 'high', 2],
  ['execution-role-trust', 6, 'The role trusts lambda.amazonaws.com', 'inspect', 'high', 2],
  ['execution-role-basic-policy', 6, 'The role has AWSLambdaBasicExecutionRole', 'inspect', 'medium', 3],
  ['function-exists', 6, 'Function HelloWorldFunction exists', 'inspect', 'critical', 4],
  ['function-runtime', 6, 'The function runs on Python 3', 'inspect', 'low', 2],
  ['function-handler', 6, 'The handler is lambda_function.lambda_handler', 'inspect', 'high', 3],
  ['function-role', 6, 'The function runs as lambda-execution-role', 'inspect', 'medium', 2],
  ['rest-api-exists', 7, 'REST API SecureAPI exists', 'inspect', 'critical', 3],
  ['hello-resource', 7, 'Resource /hello exists', 'inspect', 'high', 3],
  ['cognito-authorizer', 8, 'CognitoAuthorizer uses the user pool', 'inspect', 'critical', 6],
  ['hello-get-authorized', 9, 'GET /hello requires the Cognito authorizer', 'inspect', 'critical', 6],
  ['hello-get-integration', 9, 'GET /hello is a Lambda proxy integration', 'inspect', 'high', 5],
  ['lambda-invoke-permission', 9, 'API Gateway may invoke the function', 'inspect', 'high', 5],
  ['no-open-methods', 9, 'No method is left open', 'inspect', 'medium', 2],
  ['prod-stage-exists', 10, 'Stage prod exists', 'inspect', 'critical', 4],
  ['prod-deployment-current', 10, 'The prod deployment is current', 'inspect', 'high', 5],
  ['probe-token-issued', 10, 'testuser can sign in and get tokens', 'probe', 'high', 4],
  ['probe-id-token-claims', 10, 'The ID token names testuser', 'probe', 'low', 2],
  ['probe-unauthenticated-401', 10, 'GET /hello without a token returns 401', 'probe', 'critical', 6],
  ['probe-forged-token-401', 10, 'GET /hello with a forged token returns 401', 'probe', 'critical', 4],
  ['probe-authorized-200', 10, 'GET /hello with the ID token returns 200', 'probe', 'critical', 6],
  ['probe-response-body', 10, 'The response body greets testuser', 'probe', 'medium', 3],
  ['probe-access-token-rejected', 10, 'An access token is rejected', 'probe', 'low', 1],
];

/** What a sample changes in a check; everything else is a plain PASS. */
type Verdict = Partial<Pick<CheckResult, 'status' | 'messageId' | 'message' | 'blockedBy' | 'remediation' | 'explainedBy' | 'evidence'>>;

interface SampleOptions {
  verdicts?: Record<string, Verdict>;
  notes?: string[];
  source?: GradeResult['source'];
  accountId?: string | null;
  labTitle?: string;
}

function buildResult(options: SampleOptions): GradeResult {
  const checks = CATALOGUE.map(([id, step, title, kind, severity, maxPoints]): CheckResult => {
    const verdict = options.verdicts?.[id] ?? {};
    const status = verdict.status ?? 'PASS';
    return {
      id,
      step,
      title,
      kind,
      severity,
      status,
      points: status === 'PASS' ? maxPoints : 0,
      maxPoints,
      messageId: verdict.messageId ?? (status === 'BLOCKED' ? 'blocked' : 'ok'),
      message: verdict.message ?? `${title}.`,
      blockedBy: verdict.blockedBy ?? null,
      remediation: verdict.remediation ?? null,
      explainedBy: verdict.explainedBy ?? [],
      docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html',
      evidence: verdict.evidence ?? null,
    };
  });
  const counts: Record<CheckStatus, number> = { PASS: 0, FAIL: 0, BLOCKED: 0, ERROR: 0 };
  for (const check of checks) counts[check.status] += 1;
  const steps: StepSummary[] = Object.entries(STEP_TITLES).map(([step, title]) => {
    const inStep = checks.filter((check) => check.step === Number(step));
    return {
      step: Number(step),
      title,
      points: inStep.reduce((sum, check) => sum + check.points, 0),
      maxPoints: inStep.reduce((sum, check) => sum + check.maxPoints, 0),
      checkIds: inStep.map((check) => check.id),
    };
  });
  return {
    schemaVersion: 2,
    tool: { name: 'lab-grader', version: '0.1.0' },
    lab: { ...LAB, title: options.labTitle ?? LAB.title },
    target: { region: 'us-east-1', endpoint: null, accountId: options.accountId === undefined ? '123456789012' : options.accountId },
    source: options.source ?? 'live',
    gradedAt: '2025-06-02T10:15:30.000Z',
    snapshotTakenAt: '2025-06-02T10:15:12.000Z',
    score: checks.reduce((sum, check) => sum + check.points, 0),
    maxScore: checks.reduce((sum, check) => sum + check.maxPoints, 0),
    completeness: counts.ERROR > 0 ? 'incomplete' : 'complete',
    counts,
    steps,
    checks,
    plan: planNextSteps(checks),
    notes: options.notes ?? [],
  };
}

const REDEPLOY = 'aws apigateway create-deployment --rest-api-id a1b2c3d4e5 --stage-name prod --region us-east-1';
export const USE_AUTHORIZER =
  'aws apigateway update-method --rest-api-id a1b2c3d4e5 --resource-id r2d2c3 --http-method GET --patch-operations op=replace,path=/authorizationType,value=COGNITO_USER_POOLS op=replace,path=/authorizerId,value=au7h0r --region us-east-1';
const REQUIRE_AUTHORIZER = { commands: [USE_AUTHORIZER, REDEPLOY], afterAll: REDEPLOY, needs: [] };

export const fullMarks: GradeResult = buildResult({});

/** The fix command of the mixed sample's FAIL: longer than any terminal line, and must survive intact. */
export const PASSWORD_AUTH_FIX =
  'aws cognito-idp update-user-pool-client --user-pool-id us-east-1_AbCdEfGhI --client-id 5a1b2c3d4e5f6g7h8i9j0k1l2m --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --region us-east-1';

const blockedByPasswordAuth: Verdict = {
  status: 'BLOCKED',
  message: 'Not evaluated: it needs "App client allows USER_PASSWORD_AUTH" (app-client-password-auth), which did not pass. Fix that first.',
  blockedBy: 'app-client-password-auth',
};

/**
 * One of everything: FAIL with fixes, BLOCKED chains, a FAIL another FAIL explains (the same commands), an ERROR,
 * a PASS with a note, and a grader note. Its plan: two causes, three commands (the redeployment last), one unchecked.
 */
export const mixed: GradeResult = buildResult({
  source: 'snapshot',
  notes: ['Two user pools are named MyAPIUserPool; graded us-east-1_AbCdEfGhI, the one the authorizer references.'],
  verdicts: {
    'app-client-password-auth': {
      status: 'FAIL',
      messageId: 'flowMissing',
      message: 'The app client APIClient allows ADMIN_NO_SRP_AUTH only; USER_PASSWORD_AUTH is missing.',
      remediation: { text: 'Allow the USER_PASSWORD_AUTH flow on the app client.', commands: [PASSWORD_AUTH_FIX], afterAll: null, needs: [] },
      evidence: { explicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] },
    },
    'function-runtime': {
      messageId: 'deprecatedRuntime',
      message: 'HelloWorldFunction runs on python3.9, which AWS deprecated on 2025-12-15.',
      remediation: {
        text: 'It still counts, but move the function to python3.13 before AWS blocks updates to it.',
        commands: ['aws lambda update-function-configuration --function-name HelloWorldFunction --runtime python3.13 --region us-east-1'],
        afterAll: null,
        needs: [],
      },
    },
    'hello-get-authorized': {
      status: 'FAIL',
      messageId: 'noAuthorizer',
      message: 'GET /hello has authorization type NONE, so anyone can call it.',
      remediation: { text: 'Protect GET /hello with CognitoAuthorizer, then redeploy prod.', ...REQUIRE_AUTHORIZER },
    },
    'probe-unauthenticated-401': {
      status: 'FAIL',
      messageId: 'notRejected',
      message: 'GET /hello without a token answered 200.',
      remediation: { text: 'Require the Cognito authorizer on GET /hello and deploy again.', ...REQUIRE_AUTHORIZER },
      explainedBy: ['hello-get-authorized'],
    },
    'lambda-invoke-permission': {
      status: 'ERROR',
      messageId: 'accessDenied',
      message: 'The grader was denied lambda:GetPolicy on HelloWorldFunction (AccessDeniedException).',
    },
    'probe-token-issued': blockedByPasswordAuth,
    'probe-id-token-claims': blockedByPasswordAuth,
    'probe-authorized-200': blockedByPasswordAuth,
    'probe-response-body': blockedByPasswordAuth,
    'probe-access-token-rejected': blockedByPasswordAuth,
  },
});

/** Pieces of hostile text a learner's account (or an emulator) could put into observed values. */
export const HOSTILE = {
  ansi: '\x1b[31mRED\x1b[0m \x1b[2J\x1b[H',
  osc: '\x1b]0;pwned title\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\',
  eightBitCsi: '\x9b2J',
  controls: 'a\x00b\x07c\x08d\x7fe\x0bf',
  forgedLine: 'bad\r  ✔ PASS      4/4  forged\nnext',
  bidi: 'abc\u202eevil\u2066x',
  loneSurrogate: 'x\ud800y',
  markup: '<script>alert("x")</script> & \'quoted\' "double"',
  cdataEnd: 'one ]]> two ]]> three',
  emoji: 'pool 🔥🚀 ok',
  huge: 'A'.repeat(10_240),
};

const hostileText = Object.values(HOSTILE).join(' | ');

/** Every account-derived field carries every piece of hostile text. */
export const hostile: GradeResult = buildResult({
  labTitle: `Lab ${HOSTILE.ansi}${HOSTILE.markup}`,
  accountId: `1234${HOSTILE.osc}`,
  notes: [`Note ${hostileText}`],
  verdicts: {
    'user-pool-exists': {
      status: 'FAIL',
      messageId: 'notFound',
      message: `No user pool named ${hostileText}.`,
      remediation: { text: `Create it: ${HOSTILE.markup} ${HOSTILE.cdataEnd}`, commands: [`aws cognito-idp create-user-pool --pool-name '${HOSTILE.emoji} ${HOSTILE.cdataEnd}${HOSTILE.ansi}' --region us-east-1`], afterAll: null, needs: [] },
    },
    'app-client-exists': {
      status: 'BLOCKED',
      message: `Not evaluated: blocked by ${hostileText}`,
      blockedBy: 'user-pool-exists',
    },
    'function-exists': { status: 'ERROR', messageId: 'other', message: `Unexpected reply ${hostileText}` },
    'function-runtime': {
      messageId: 'deprecatedRuntime',
      message: `Runtime ${HOSTILE.controls}`,
      remediation: { text: `Note ${HOSTILE.bidi}${HOSTILE.forgedLine}`, commands: [], afterAll: null, needs: [] },
    },
  },
});
