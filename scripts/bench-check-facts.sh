#!/usr/bin/env bash
# The lab's facts checked the way lab check scripts are usually written: one AWS CLI call per fact, in sequence,
# then curl for the API. Run by scripts/bench-process.ts beside `lab-grader grade`, against the same sandbox.
# Needs: AWS (the AWS CLI to run), ENDPOINT (its --endpoint-url), STAGE_BASE (the API data plane's base URL,
# to which "<apiId>/prod/hello" is appended), and credentials in the environment. Exits 1 on the first fact
# that does not hold, naming it.
set -euo pipefail
REGION=us-east-1
aws() { "$AWS" --endpoint-url "$ENDPOINT" --region "$REGION" --output text "$@"; }
fact() { [ "$2" = "$3" ] || { echo "FAIL: $1 (expected '$3', got '$2')" >&2; exit 1; }; }

ACCOUNT=$(aws sts get-caller-identity --query Account)
POOL_ID=$(aws cognito-idp list-user-pools --max-results 60 --query "UserPools[?Name=='MyAPIUserPool'].Id | [0]")
fact "user pool" "${POOL_ID:0:10}" "us-east-1_"
CLIENT_ID=$(aws cognito-idp list-user-pool-clients --user-pool-id "$POOL_ID" --query "UserPoolClients[?ClientName=='APIClient'].ClientId | [0]")
fact "app client" "$([ "$CLIENT_ID" != None ] && echo yes)" yes
fact "USER_PASSWORD_AUTH" "$(aws cognito-idp describe-user-pool-client --user-pool-id "$POOL_ID" --client-id "$CLIENT_ID" \
  --query "[contains(UserPoolClient.ExplicitAuthFlows, 'USER_PASSWORD_AUTH') || contains(UserPoolClient.ExplicitAuthFlows, 'ALLOW_USER_PASSWORD_AUTH'), UserPoolClient.ClientSecret == null]" | tr '\t' ' ')" "True True"
fact "test user" "$(aws cognito-idp admin-get-user --user-pool-id "$POOL_ID" --username testuser --query '[Enabled, UserStatus]' | tr '\t' ' ')" "True CONFIRMED"
fact "role trust" "$(aws iam get-role --role-name lambda-execution-role --query "Role.AssumeRolePolicyDocument.Statement[?Principal.Service=='lambda.amazonaws.com'].Action | [0]")" "sts:AssumeRole"
fact "basic policy" "$(aws iam list-attached-role-policies --role-name lambda-execution-role --query "AttachedPolicies[?PolicyName=='AWSLambdaBasicExecutionRole'].PolicyName | [0]")" "AWSLambdaBasicExecutionRole"
FUNCTION=$(aws lambda get-function-configuration --function-name HelloWorldFunction --query '[State, Runtime, Handler, Role, FunctionArn]' | tr '\t' ' ')
read -r STATE RUNTIME HANDLER ROLE FUNCTION_ARN <<< "$FUNCTION"
fact "function" "$STATE ${RUNTIME:0:7} $HANDLER $ROLE" "Active python3 lambda_function.lambda_handler arn:aws:iam::$ACCOUNT:role/lambda-execution-role"
API_ID=$(aws apigateway get-rest-apis --query "items[?name=='SecureAPI'].id | [0]")
RESOURCE_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" --query "items[?path=='/hello'].id | [0]")
fact "/hello" "$([ "$RESOURCE_ID" != None ] && echo yes)" yes
AUTHORIZER=$(aws apigateway get-authorizers --rest-api-id "$API_ID" --query "items[?type=='COGNITO_USER_POOLS'] | [0].[id, providerARNs[0]]" | tr '\t' ' ')
read -r AUTHORIZER_ID PROVIDER <<< "$AUTHORIZER"
fact "authorizer" "$PROVIDER" "arn:aws:cognito-idp:$REGION:$ACCOUNT:userpool/$POOL_ID"
fact "GET /hello authorizer" "$(aws apigateway get-method --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method GET --query '[authorizationType, authorizerId]' | tr '\t' ' ')" "COGNITO_USER_POOLS $AUTHORIZER_ID"
fact "GET /hello integration" "$(aws apigateway get-integration --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method GET --query '[type, uri]' | tr '\t' ' ')" \
  "AWS_PROXY arn:aws:apigateway:$REGION:lambda:path/2015-03-31/functions/$FUNCTION_ARN/invocations"
fact "invoke permission" "$(aws lambda get-policy --function-name HelloWorldFunction --query Policy | grep -c "arn:aws:execute-api:$REGION:$ACCOUNT:$API_ID/")" 1
DEPLOYMENT_ID=$(aws apigateway get-stage --rest-api-id "$API_ID" --stage-name prod --query deploymentId)
fact "prod deployment" "$(aws apigateway get-deployment --rest-api-id "$API_ID" --deployment-id "$DEPLOYMENT_ID" --embed apisummary --query "apiSummary.\"/hello\".GET.authorizationType")" "COGNITO_USER_POOLS"
TOKENS=$(aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id "$CLIENT_ID" \
  --auth-parameters USERNAME=testuser,PASSWORD='MySecurePass123!' --query '[AuthenticationResult.IdToken, AuthenticationResult.AccessToken]' | tr '\t' ' ')
read -r ID_TOKEN ACCESS_TOKEN <<< "$TOKENS"
URL="$STAGE_BASE/$API_ID/prod/hello"
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@"; }
fact "no token" "$(status "$URL")" 401
fact "forged token" "$(status -H "Authorization: ${ID_TOKEN%.*}.Zm9yZ2Vk" "$URL")" 401
fact "access token" "$(status -H "Authorization: $ACCESS_TOKEN" "$URL")" 401
fact "ID token" "$(curl -s --max-time 30 -H "Authorization: Bearer $ID_TOKEN" "$URL" | grep -c 'Hello from secured API!')" 1
echo "all facts hold"
