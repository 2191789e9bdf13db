// The lab as a learner runs it: LAB.md Activities 3 to 10 with the AWS CLI against the sandbox, only
// --endpoint-url added. Every step must succeed and the ID token must carry the lab claims; then the lab's two
// curl calls, pointed at the sandbox's data plane, answer 200 with the lab's JSON and 401 without a token.

import { spawnSync } from 'node:child_process';
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { sandboxOn } from './helpers.js';
import { ACTIVITY_2, ACTIVITY_6, awsCliMissing, runLabScript, type ScriptResult } from './aws-cli.js';

const ACTIVITIES_3_TO_5 = `
USER_POOL_ID=$(aws cognito-idp create-user-pool    --pool-name $USER_POOL_NAME    --region $REGION    --query 'UserPool.Id'    --output text)

echo "User Pool ID: $USER_POOL_ID"

CLIENT_ID=$(aws cognito-idp create-user-pool-client    --user-pool-id $USER_POOL_ID    --client-name "APIClient"    --explicit-auth-flows "ADMIN_NO_SRP_AUTH" "USER_PASSWORD_AUTH"    --region $REGION    --query 'UserPoolClient.ClientId'    --output text)

echo "Client ID: $CLIENT_ID"

aws cognito-idp admin-create-user    --user-pool-id $USER_POOL_ID    --username "testuser"    --temporary-password "TempPass123!"    --message-action "SUPPRESS"    --region $REGION

aws cognito-idp admin-set-user-password    --user-pool-id $USER_POOL_ID    --username "testuser"    --password "MySecurePass123!"    --permanent    --region $REGION
`;

const ACTIVITIES_7_TO_10 = `
API_ID=$(aws apigateway create-rest-api    --name $API_NAME    --region $REGION    --query 'id' --output text)

ROOT_RESOURCE_ID=$(aws apigateway get-resources    --rest-api-id $API_ID    --region $REGION    --query 'items[0].id' --output text)

RESOURCE_ID=$(aws apigateway create-resource    --rest-api-id $API_ID    --parent-id $ROOT_RESOURCE_ID    --path-part "hello"    --region $REGION    --query 'id' --output text)

AUTHORIZER_ID=$(aws apigateway create-authorizer    --rest-api-id $API_ID    --name "CognitoAuthorizer"    --type "COGNITO_USER_POOLS"    --provider-arns "arn:aws:cognito-idp:$REGION:$(aws sts get-caller-identity --query Account --output text):userpool/$USER_POOL_ID"    --identity-source "method.request.header.Authorization"    --region $REGION    --query 'id' --output text)

aws apigateway put-method    --rest-api-id $API_ID    --resource-id $RESOURCE_ID    --http-method GET    --authorization-type "COGNITO_USER_POOLS"    --authorizer-id $AUTHORIZER_ID    --region $REGION

aws apigateway put-integration    --rest-api-id $API_ID    --resource-id $RESOURCE_ID    --http-method GET    --type AWS_PROXY    --integration-http-method POST    --uri "arn:aws:apigateway:$REGION:lambda:path/2015-03-31/functions/$LAMBDA_ARN/invocations"    --region $REGION

aws lambda add-permission    --function-name $LAMBDA_FUNCTION_NAME    --statement-id "apigateway-invoke"    --action "lambda:InvokeFunction"    --principal "apigateway.amazonaws.com"    --source-arn "arn:aws:execute-api:$REGION:$(aws sts get-caller-identity --query Account --output text):$API_ID/*/*"    --region $REGION

aws apigateway create-deployment    --rest-api-id $API_ID    --stage-name "prod"    --region $REGION

API_ENDPOINT="https://$API_ID.execute-api.$REGION.amazonaws.com/prod"
echo "API Endpoint: $API_ENDPOINT"

ACCESS_TOKEN=$(aws cognito-idp initiate-auth    --auth-flow USER_PASSWORD_AUTH    --client-id $CLIENT_ID    --auth-parameters USERNAME=testuser,PASSWORD=MySecurePass123!    --region $REGION    --query 'AuthenticationResult.AccessToken' --output text)

ID_TOKEN=$(aws cognito-idp initiate-auth \\
  --auth-flow USER_PASSWORD_AUTH \\
  --client-id "$CLIENT_ID" \\
  --auth-parameters USERNAME=testuser,PASSWORD=MySecurePass123! \\
  --region "$REGION" \\
  --query 'AuthenticationResult.IdToken' \\
  --output text)
`;

/** LAB.md's two curl calls, with API_ENDPOINT pointed at the sandbox and the status printed after each body. */
const CURL_CALLS = `
API_ENDPOINT="$SANDBOX_URL/_aws/execute-api/$API_ID/prod"

curl -sS --max-time 30 -w '\\nCURL %{http_code}\\n' -H "Authorization: Bearer $ID_TOKEN" "$API_ENDPOINT/hello"

curl -sS --max-time 30 -w '\\nCURL %{http_code}\\n' "$API_ENDPOINT/hello"
`;

const curlMissing = spawnSync('curl', ['--version']).status === 0 ? undefined : 'curl is not on PATH';

/** Not lab commands: how the test reads the learner's variables back. */
const REPORT = `
echo "VAR USER_POOL_ID=$USER_POOL_ID"
echo "VAR CLIENT_ID=$CLIENT_ID"
echo "VAR ID_TOKEN=$ID_TOKEN"
echo "VAR ACCESS_TOKEN=$ACCESS_TOKEN"
`;

const missing = awsCliMissing();

describe('AWS CLI: the lab, Activities 3 to 10', { skip: missing }, () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await sandboxOn();
  });
  after(() => sandbox.stop());

  let result: ScriptResult;

  test('every step succeeds and the ID token has the lab claims', async () => {
    const script = ACTIVITY_2 + ACTIVITIES_3_TO_5 + ACTIVITY_6 + ACTIVITIES_7_TO_10 + (curlMissing ? '' : CURL_CALLS) + REPORT;
    result = await runLabScript(script, sandbox.url, { needsLambdaZip: true });
    assert.equal(result.code, 0, `a lab step failed:\n${result.stderr}`);
    const vars = Object.fromEntries([...result.stdout.matchAll(/^VAR (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    assert.match(vars.USER_POOL_ID ?? '', /^us-east-1_[0-9A-Za-z]+$/);
    assert.match(result.stdout, /API Endpoint: https:\/\/[a-z0-9]+\.execute-api\.us-east-1\.amazonaws\.com\/prod/);

    const idToken = vars.ID_TOKEN ?? '';
    assert.equal(decodeProtectedHeader(idToken).alg, 'RS256');
    const claims = decodeJwt(idToken);
    assert.equal(claims.token_use, 'id');
    assert.equal(claims.aud, vars.CLIENT_ID);
    assert.equal(claims['cognito:username'], 'testuser');
    assert.ok(claims.iss?.endsWith(`/${vars.USER_POOL_ID}`), `iss ${claims.iss}`);
    assert.equal(decodeJwt(vars.ACCESS_TOKEN ?? '').token_use, 'access');
  });

  test("the lab's curl calls: 200 with the lab's JSON with the ID token, 401 without", { skip: curlMissing }, () => {
    const calls = [...result.stdout.matchAll(/^(.*)\nCURL (\d{3})$/gm)].map((m) => ({ body: m[1], status: m[2] }));
    assert.equal(calls.length, 2, result.stdout);
    assert.equal(calls[0]?.status, '200');
    assert.deepEqual(JSON.parse(calls[0]?.body ?? ''), { message: 'Hello from secured API!', user: 'testuser' });
    assert.deepEqual(calls[1], { body: '{"message":"Unauthorized"}', status: '401' });
  });
});
