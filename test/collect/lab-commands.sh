#!/usr/bin/env bash
# The learner's path: LAB.md Activities 2 to 10 (up to the deployment), verbatim but for the shims below.
# Run by test/collect/moto.test.ts against moto. Inputs (env): ENDPOINT (moto's URL), WORKDIR (scratch dir).
# Prints the IDs it created as KEY=value lines for the test to compare with the snapshot.
set -euo pipefail
cd "$WORKDIR"

# Shims, so that the lab's commands stay as written:
# every aws call goes to moto (AWS CLI v1 / v2 < 2.13 ignore AWS_ENDPOINT_URL; --endpoint-url always works),
aws() { command aws --endpoint-url "$ENDPOINT" "$@"; }
# moto has no IAM propagation delay to wait for,
sleep() { :; }
# and `zip` may be missing where python3 (moto's own prerequisite) is not.
if ! command -v zip > /dev/null; then zip() { python3 -m zipfile -c "$@"; }; fi

# Activity 2: Set Up Environment Variables
export REGION="us-east-1"
export USER_POOL_NAME="MyAPIUserPool"
export API_NAME="SecureAPI"
export LAMBDA_FUNCTION_NAME="HelloWorldFunction"

# Activity 3: Create Cognito User Pool
USER_POOL_ID=$(aws cognito-idp create-user-pool    --pool-name $USER_POOL_NAME    --region $REGION    --query 'UserPool.Id'    --output text)

# A learner who ran Activity 3 twice (DUPLICATE_POOL=1): a second pool of the same name, newer than the first,
# that nothing else references (Activities 4 to 10 keep using the first USER_POOL_ID).
if [ "${DUPLICATE_POOL:-0}" = 1 ]; then
  SECOND_POOL_ID=$(aws cognito-idp create-user-pool    --pool-name $USER_POOL_NAME    --region $REGION    --query 'UserPool.Id'    --output text)
  echo "SECOND_POOL_ID=$SECOND_POOL_ID"
fi

# Activity 4: Create User Pool Client
CLIENT_ID=$(aws cognito-idp create-user-pool-client    --user-pool-id $USER_POOL_ID    --client-name "APIClient"    --explicit-auth-flows "ADMIN_NO_SRP_AUTH" "USER_PASSWORD_AUTH"    --region $REGION    --query 'UserPoolClient.ClientId'    --output text)

# Activity 5: Create Test User
aws cognito-idp admin-create-user    --user-pool-id $USER_POOL_ID    --username "testuser"    --temporary-password "TempPass123!"    --message-action "SUPPRESS"    --region $REGION > /dev/null

aws cognito-idp admin-set-user-password    --user-pool-id $USER_POOL_ID    --username "testuser"    --password "MySecurePass123!"    --permanent    --region $REGION

# Activity 6: Create Lambda Backend Function
cat > lambda_function.py << 'PY'
import json

def lambda_handler(event, context):
    return {
        'statusCode': 200,
        'body': json.dumps({
            'message': 'Hello from secured API!',
            'user': event.get('requestContext', {}).get('authorizer', {}).get('claims', {}).get('cognito:username', 'Unknown')
        })
    }
PY

zip function.zip lambda_function.py > /dev/null

LAMBDA_ROLE_ARN=$(aws iam create-role    --role-name lambda-execution-role    --assume-role-policy-document '{
       "Version": "2012-10-17",
       "Statement": [{
           "Effect": "Allow",
           "Principal": {"Service": "lambda.amazonaws.com"},
           "Action": "sts:AssumeRole"
       }]
   }' --query 'Role.Arn' --output text)

aws iam attach-role-policy    --role-name lambda-execution-role    --policy-arn arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole

sleep 10

LAMBDA_ARN=$(aws lambda create-function    --function-name $LAMBDA_FUNCTION_NAME    --runtime python3.9    --role $LAMBDA_ROLE_ARN    --handler lambda_function.lambda_handler    --zip-file fileb://function.zip    --region $REGION    --query 'FunctionArn' --output text)

# Activity 7: Create API Gateway REST API
API_ID=$(aws apigateway create-rest-api    --name $API_NAME    --region $REGION    --query 'id' --output text)

ROOT_RESOURCE_ID=$(aws apigateway get-resources    --rest-api-id $API_ID    --region $REGION    --query 'items[0].id' --output text)

RESOURCE_ID=$(aws apigateway create-resource    --rest-api-id $API_ID    --parent-id $ROOT_RESOURCE_ID    --path-part "hello"    --region $REGION    --query 'id' --output text)

# Activity 8: Create Cognito Authorizer
AUTHORIZER_ID=$(aws apigateway create-authorizer    --rest-api-id $API_ID    --name "CognitoAuthorizer"    --type "COGNITO_USER_POOLS"    --provider-arns "arn:aws:cognito-idp:$REGION:$(aws sts get-caller-identity --query Account --output text):userpool/$USER_POOL_ID"    --identity-source "method.request.header.Authorization"    --region $REGION    --query 'id' --output text)

# Activity 9: Attach Method and Lambda Integration
aws apigateway put-method    --rest-api-id $API_ID    --resource-id $RESOURCE_ID    --http-method GET    --authorization-type "COGNITO_USER_POOLS"    --authorizer-id $AUTHORIZER_ID    --region $REGION > /dev/null

aws apigateway put-integration    --rest-api-id $API_ID    --resource-id $RESOURCE_ID    --http-method GET    --type AWS_PROXY    --integration-http-method POST    --uri "arn:aws:apigateway:$REGION:lambda:path/2015-03-31/functions/$LAMBDA_ARN/invocations"    --region $REGION > /dev/null

aws lambda add-permission    --function-name $LAMBDA_FUNCTION_NAME    --statement-id "apigateway-invoke"    --action "lambda:InvokeFunction"    --principal "apigateway.amazonaws.com"    --source-arn "arn:aws:execute-api:$REGION:$(aws sts get-caller-identity --query Account --output text):$API_ID/*/*"    --region $REGION > /dev/null

# Activity 10: Deploy API (the token and curl calls that follow are the probes' business)
aws apigateway create-deployment    --rest-api-id $API_ID    --stage-name "prod"    --region $REGION > /dev/null

echo "USER_POOL_ID=$USER_POOL_ID"
echo "CLIENT_ID=$CLIENT_ID"
echo "LAMBDA_ROLE_ARN=$LAMBDA_ROLE_ARN"
echo "LAMBDA_ARN=$LAMBDA_ARN"
echo "API_ID=$API_ID"
echo "RESOURCE_ID=$RESOURCE_ID"
echo "AUTHORIZER_ID=$AUTHORIZER_ID"
