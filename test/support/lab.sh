# The learner's path: every code block of LAB.md's Activities, verbatim, in order. Run by
# test/support/lab-script.ts (which adds only --endpoint-url); test/lab-text.test.ts keeps it equal to LAB.md.

#### Activity 2: Set Up Environment Variables
export REGION="us-east-1"
export USER_POOL_NAME="MyAPIUserPool"
export API_NAME="SecureAPI"
export LAMBDA_FUNCTION_NAME="HelloWorldFunction"

#### Activity 3: Create Cognito User Pool
USER_POOL_ID=$(aws cognito-idp create-user-pool    --pool-name $USER_POOL_NAME    --region $REGION    --query 'UserPool.Id'    --output text)

echo "User Pool ID: $USER_POOL_ID"

#### Activity 4: Create User Pool Client
CLIENT_ID=$(aws cognito-idp create-user-pool-client    --user-pool-id $USER_POOL_ID    --client-name "APIClient"    --explicit-auth-flows "ADMIN_NO_SRP_AUTH" "USER_PASSWORD_AUTH"    --region $REGION    --query 'UserPoolClient.ClientId'    --output text)

echo "Client ID: $CLIENT_ID"

#### Activity 5: Create Test User
aws cognito-idp admin-create-user    --user-pool-id $USER_POOL_ID    --username "testuser"    --temporary-password "TempPass123!"    --message-action "SUPPRESS"    --region $REGION

aws cognito-idp admin-set-user-password    --user-pool-id $USER_POOL_ID    --username "testuser"    --password "MySecurePass123!"    --permanent    --region $REGION

#### Activity 6: Create Lambda Backend Function
cat > lambda_function.py << 'EOF'
import json

def lambda_handler(event, context):
    return {
        'statusCode': 200,
        'body': json.dumps({
            'message': 'Hello from secured API!',
            'user': event.get('requestContext', {}).get('authorizer', {}).get('claims', {}).get('cognito:username', 'Unknown')
        })
    }
EOF

zip function.zip lambda_function.py

#### Activity 6: Create Lambda Backend Function
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

echo "Lambda ARN: $LAMBDA_ARN"

#### Activity 7: Create API Gateway REST API
API_ID=$(aws apigateway create-rest-api    --name $API_NAME    --region $REGION    --query 'id' --output text)

ROOT_RESOURCE_ID=$(aws apigateway get-resources    --rest-api-id $API_ID    --region $REGION    --query 'items[0].id' --output text)

#### Activity 7: Create API Gateway REST API
RESOURCE_ID=$(aws apigateway create-resource    --rest-api-id $API_ID    --parent-id $ROOT_RESOURCE_ID    --path-part "hello"    --region $REGION    --query 'id' --output text)

#### Activity 8: Create Cognito Authorizer
AUTHORIZER_ID=$(aws apigateway create-authorizer    --rest-api-id $API_ID    --name "CognitoAuthorizer"    --type "COGNITO_USER_POOLS"    --provider-arns "arn:aws:cognito-idp:$REGION:$(aws sts get-caller-identity --query Account --output text):userpool/$USER_POOL_ID"    --identity-source "method.request.header.Authorization"    --region $REGION    --query 'id' --output text)

#### Activity 9: Attach Method and Lambda Integration
aws apigateway put-method    --rest-api-id $API_ID    --resource-id $RESOURCE_ID    --http-method GET    --authorization-type "COGNITO_USER_POOLS"    --authorizer-id $AUTHORIZER_ID    --region $REGION

aws apigateway put-integration    --rest-api-id $API_ID    --resource-id $RESOURCE_ID    --http-method GET    --type AWS_PROXY    --integration-http-method POST    --uri "arn:aws:apigateway:$REGION:lambda:path/2015-03-31/functions/$LAMBDA_ARN/invocations"    --region $REGION

aws lambda add-permission    --function-name $LAMBDA_FUNCTION_NAME    --statement-id "apigateway-invoke"    --action "lambda:InvokeFunction"    --principal "apigateway.amazonaws.com"    --source-arn "arn:aws:execute-api:$REGION:$(aws sts get-caller-identity --query Account --output text):$API_ID/*/*"    --region $REGION

#### Activity 10: Deploy API and Test
aws apigateway create-deployment    --rest-api-id $API_ID    --stage-name "prod"    --region $REGION

API_ENDPOINT="https://$API_ID.execute-api.$REGION.amazonaws.com/prod"
echo "API Endpoint: $API_ENDPOINT"

#### Activity 10: Deploy API and Test
ACCESS_TOKEN=$(aws cognito-idp initiate-auth    --auth-flow USER_PASSWORD_AUTH    --client-id $CLIENT_ID    --auth-parameters USERNAME=testuser,PASSWORD=MySecurePass123!    --region $REGION    --query 'AuthenticationResult.AccessToken' --output text)

#### Activity 10: Deploy API and Test
# Get an ID token instead of Access token
ID_TOKEN=$(aws cognito-idp initiate-auth \
  --auth-flow USER_PASSWORD_AUTH \
  --client-id "$CLIENT_ID" \
  --auth-parameters USERNAME=testuser,PASSWORD=MySecurePass123! \
  --region "$REGION" \
  --query 'AuthenticationResult.IdToken' \
  --output text)

# (Optional) verify it's an ID token
echo $ID_TOKEN | cut -d'.' -f2 | tr '_-' '/+' | base64 -d 2>/dev/null | jq .
# Expect: "token_use": "id"

#### Activity 10: Deploy API and Test
curl -H "Authorization: Bearer $ID_TOKEN" "$API_ENDPOINT/hello"

#### Activity 10: Deploy API and Test
curl "$API_ENDPOINT/hello"
