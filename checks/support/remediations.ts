// Fixes several checks share: the same step of the lab mends more than one symptom.
import type { Remediation } from '../../src/engine/types.js';
import type { Snapshot } from '../../src/snapshot/types.js';

/** Activity 10's create-deployment, which makes the prod stage serve what is configured now. */
export const REDEPLOY_CLI = 'aws apigateway create-deployment --rest-api-id {{apiId}} --stage-name {{names.stage}} --region {{region}}';

/** Commands that set the test user's password read it from this variable: a report never shows a password. */
export const PASSWORD_VARIABLE = "PASSWORD: the test user's permanent password from Activity 5 (type it after running: read -rs PASSWORD)";

/** Activity 5's second command. */
export const SET_PERMANENT_PASSWORD =
  'aws cognito-idp admin-set-user-password --user-pool-id {{userPoolId}} --username {{names.username}} --password "$PASSWORD" --permanent --region {{region}}';

/** Activity 3, assigning LAB.md's variable for the commands after it. */
export const CREATE_USER_POOL =
  "USER_POOL_ID=$(aws cognito-idp create-user-pool --pool-name {{userPoolName}} --region {{region}} --query 'UserPool.Id' --output text)";

/** Activity 4, assigning LAB.md's variable. */
export const CREATE_APP_CLIENT =
  'CLIENT_ID=$(aws cognito-idp create-user-pool-client --user-pool-id {{userPoolId}} --client-name {{names.appClient}} ' +
  "--explicit-auth-flows ADMIN_NO_SRP_AUTH USER_PASSWORD_AUTH --region {{region}} --query 'UserPoolClient.ClientId' --output text)";

/** Activity 5's first command; the temporary password is the permanent one, which SET_PERMANENT_PASSWORD sets next. */
export const CREATE_TEST_USER =
  'aws cognito-idp admin-create-user --user-pool-id {{userPoolId}} --username {{names.username}} --temporary-password "$PASSWORD" --message-action SUPPRESS --region {{region}}';

/** Activity 6's create-function, assigning LAB.md's variable; it reads function.zip (FUNCTION_ZIP). */
export const CREATE_FUNCTION =
  'LAMBDA_ARN=$(aws lambda create-function --function-name {{functionName}} --runtime {{expected.recommendedRuntime}} --role {{roleArn}} ' +
  "--handler {{expected.handler}} --zip-file fileb://function.zip --region {{region}} --query 'FunctionArn' --output text)";

/** Activity 7's commands, each assigning LAB.md's variable: the API, its root resource, the lab's resource under it. */
export const CREATE_REST_API = "API_ID=$(aws apigateway create-rest-api --name {{apiName}} --region {{region}} --query 'id' --output text)";
export const READ_ROOT_RESOURCE = "ROOT_RESOURCE_ID=$(aws apigateway get-resources --rest-api-id {{apiId}} --region {{region}} --query 'items[0].id' --output text)";
export const CREATE_RESOURCE =
  "RESOURCE_ID=$(aws apigateway create-resource --rest-api-id {{apiId}} --parent-id {{rootResourceId}} --path-part {{pathPart}} --region {{region}} --query 'id' --output text)";

/** Activity 9's put-method, with the authorizer. */
export const PUT_METHOD =
  'aws apigateway put-method --rest-api-id {{apiId}} --resource-id {{resourceId}} --http-method {{names.httpMethod}} ' +
  '--authorization-type COGNITO_USER_POOLS --authorizer-id {{authorizerId}} --region {{region}}';

/** Activity 8, assigning LAB.md's variable. */
export const CREATE_AUTHORIZER =
  'AUTHORIZER_ID=$(aws apigateway create-authorizer --rest-api-id {{apiId}} --name {{names.authorizer}} --type COGNITO_USER_POOLS ' +
  '--provider-arns arn:aws:cognito-idp:{{region}}:{{accountId}}:userpool/{{userPoolId}} --identity-source {{expected.identitySource}} ' +
  "--region {{region}} --query 'id' --output text)";

/**
 * The authorizer accepts the ID tokens of the graded pool, and no longer those of `removedArn` when given: AWS's
 * add and remove of /providerARNs with the ARN as value (the authorizer keeps its id, name and methods).
 */
export function trustPoolCli(removedArn?: string): string {
  const remove = removedArn === undefined ? '' : ` op=remove,path=/providerARNs,value=${removedArn}`;
  return (
    'aws apigateway update-authorizer --rest-api-id {{apiId}} --authorizer-id {{authorizerId}} ' +
    `--patch-operations op=add,path=/providerARNs,value=arn:aws:cognito-idp:{{region}}:{{accountId}}:userpool/{{userPoolId}}${remove} --region {{region}}`
  );
}

/** Activity 9's method with an authorizer, by update-method (put-method would drop the integration). */
function useAuthorizer(authorizerId: string): string {
  return (
    'aws apigateway update-method --rest-api-id {{apiId}} --resource-id {{resourceId}} --http-method {{names.httpMethod}} ' +
    `--patch-operations op=replace,path=/authorizationType,value=COGNITO_USER_POOLS op=replace,path=/authorizerId,value=${authorizerId} --region {{region}}`
  );
}

/** GET /hello with the authorizer the grader saw. */
export const USE_AUTHORIZER_CLI = useAuthorizer('{{authorizerId}}');

/** GET /hello with the authorizer CREATE_AUTHORIZER just made (not the one the grader saw). */
export const USE_CREATED_AUTHORIZER_CLI = useAuthorizer('$AUTHORIZER_ID');

/** Activity 9's integration of the method with the function (put-integration replaces an existing one). */
export const PUT_INTEGRATION =
  'aws apigateway put-integration --rest-api-id {{apiId}} --resource-id {{resourceId}} --http-method {{names.httpMethod}} --type AWS_PROXY ' +
  '--integration-http-method POST --uri arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{lambdaArn}}/invocations --region {{region}}';

/** The deployed GET /hello lets calls through without checking a token. */
export const REQUIRE_AUTHORIZER_AND_REDEPLOY: Remediation = {
  text: 'Require the Cognito authorizer on GET /hello (Activity 9) and deploy again (Activity 10).',
  commands: [USE_AUTHORIZER_CLI],
  afterAll: REDEPLOY_CLI,
};

/**
 * A statement id add-permission accepts: the lab's when no statement of `taken` has it, else the first free of
 * `<id>-2`, `<id>-3`, ... (Lambda refuses an id in use with ResourceConflictException).
 */
export function freeStatementId(labId: string, taken: readonly (string | undefined)[]): string {
  if (!taken.includes(labId)) return labId;
  let suffix = 2;
  while (taken.includes(`${labId}-${suffix}`)) suffix += 1;
  return `${labId}-${suffix}`;
}

/** Activity 9's add-permission; the source ARN is quoted, as in the lab, so that no shell expands its `*`. */
export function addInvokePermission(statementId: string): string {
  return (
    `aws lambda add-permission --function-name {{functionName}} --statement-id ${statementId} --action lambda:InvokeFunction ` +
    '--principal apigateway.amazonaws.com --source-arn "arn:aws:execute-api:{{region}}:{{accountId}}:{{apiId}}/*/*" --region {{region}}'
  );
}

/** The lab's code, from Activity 6's function.zip. */
export const UPDATE_FUNCTION_CODE = 'aws lambda update-function-code --function-name {{functionName}} --zip-file fileb://function.zip --region {{region}}';
export const FUNCTION_ZIP = 'function.zip: the zip of the lab\'s lambda_function.py from Activity 6 (zip function.zip lambda_function.py), in the current folder';

/**
 * GET /hello as Activity 9 makes it, on a resource that has no methods: the method with its authorizer, its
 * integration and (given a statement id the function's policy does not use) the permission; then a deployment.
 */
export function buildMethod(statementId: string | null): Pick<Remediation, 'commands' | 'afterAll'> {
  return { commands: [PUT_METHOD, PUT_INTEGRATION, ...(statementId === null ? [] : [addInvokePermission(statementId)])], afterAll: REDEPLOY_CLI };
}

/**
 * A statement id add-permission accepts on the lab's function (an old API's permission may hold the lab's); when
 * the policy could not be read, the lab's counts as taken.
 */
export function unusedStatementId(snapshot: Snapshot, labId: string): string {
  const policy = snapshot.lambda.policy;
  const taken = policy.state === 'found' ? policy.value.Statement.map((statement) => statement.Sid) : policy.state === 'absent' ? [] : [labId];
  return freeStatementId(labId, taken);
}
