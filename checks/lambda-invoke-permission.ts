import type { Check } from '../src/engine/types.js';
import { executeApiArn } from './support/api.js';
import { arnLike, parseArn } from '../src/aws/arn-like.js';
import { listed } from './support/format.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { allowsServicePrincipal, conditionValues, coversAction, isAllow, servicePrincipals } from './support/policy.js';
import { failed, passed } from './support/verdict.js';
import { addInvokePermission, freeStatementId } from './support/remediations.js';

const API_GATEWAY = 'apigateway.amazonaws.com';
// IAM evaluates ArnEquals exactly like ArnLike (wildcards included).
const ARN_OPERATORS = ['ArnLike', 'ArnEquals'];

const REMOVE_PERMISSION = 'aws lambda remove-permission --function-name {{functionName}} --statement-id {{sid}} --region {{region}}';

const check: Check = {
  meta: {
    id: 'lambda-invoke-permission',
    step: 9,
    title: 'API Gateway may invoke the function for this API',
    dependsOn: ['function-exists', 'rest-api-exists'],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      allowed: 'The function lets API Gateway invoke it for {{executeApiArn}} (statement {{sid}}).',
      noPolicy: 'The function {{functionName}} has no resource policy, so API Gateway may not invoke it.',
      noApiGatewayStatement: "The function's resource policy has {{statementCount}} statement(s), none of which lets apigateway.amazonaws.com call lambda:InvokeFunction.",
      wrongPrincipal: 'The statement {{sid}} lets {{principals}} invoke the function, not apigateway.amazonaws.com, so API Gateway may not invoke it.',
      otherSourceArn: "The function's resource policy lets API Gateway invoke it only from {{sourceArns}}, which does not match {{executeApiArn}}.",
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Let API Gateway invoke the function from this API, as in Activity 9 (a new statement id if the old one is taken).',
      commands: [addInvokePermission('{{statementId}}')],
      byMessage: {
        wrongPrincipal: {
          text: "Remove the statement {{sid}}, then add Activity 9's permission for apigateway.amazonaws.com (removing first frees its statement id).",
          commands: [REMOVE_PERMISSION, addInvokePermission('{{statementId}}')],
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    permissions: ['lambda:GetPolicy', 'apigateway:GET'],
  },
  evaluate(snapshot, lab) {
    const { function: fn, policy } = snapshot.lambda;
    const api = snapshot.apigateway.api;
    if (fn.state !== 'found') return unobserved(fn, 'the Lambda function');
    if (api.state !== 'found') return unobserved(api, 'the REST API');
    if (!seen(policy)) return unobserved(policy, "the function's resource policy");
    const { functionName, functionArn } = fn.value;
    // The execute-api ARN lives in the function's partition, region and account.
    const where = parseArn(functionArn) ?? { partition: 'aws', region: snapshot.target.region, account: '*' };
    const target = executeApiArn(where, api.value.id, lab);
    const labId = lab.names.permissionStatementId;
    const base = { functionName, executeApiArn: target };
    if (policy.state === 'absent') return failed('noPolicy', { ...base, statementId: labId }, { detail: policy.detail });

    const statements = policy.value.Statement;
    // The fix adds a statement: under an id no statement has, so that add-permission cannot conflict.
    const statementId = freeStatementId(labId, statements.map((statement) => statement.Sid));
    const invokeStatements = statements.filter(
      (statement) => isAllow(statement) && allowsServicePrincipal(statement, API_GATEWAY) && coversAction(statement, 'lambda:InvokeFunction'),
    );
    const evidence = { executeApiArn: target, statements };
    if (invokeStatements.length === 0) {
      // A statement that lets another principal invoke the function is the lab's, given the wrong --principal.
      const invokable = statements.filter((statement) => isAllow(statement) && coversAction(statement, 'lambda:InvokeFunction') && statement.Sid !== undefined);
      const otherPrincipal = invokable.find((statement) => statement.Sid === labId) ?? invokable[0];
      if (otherPrincipal?.Sid !== undefined) {
        const others = statements.filter((statement) => statement !== otherPrincipal).map((statement) => statement.Sid);
        return failed(
          'wrongPrincipal',
          { ...base, sid: otherPrincipal.Sid, principals: listed(servicePrincipals(otherPrincipal)), statementId: freeStatementId(labId, others) },
          evidence,
        );
      }
      return failed('noApiGatewayStatement', { ...base, statementId, statementCount: statements.length }, evidence);
    }

    const matching = invokeStatements.find((statement) => {
      const sourceArns = conditionValues(statement, ARN_OPERATORS, 'AWS:SourceArn');
      // No SourceArn condition: any API may invoke the function, this one included.
      return sourceArns.length === 0 || sourceArns.some((pattern) => arnLike(pattern, target));
    });
    if (matching) return passed('allowed', { ...base, sid: matching.Sid ?? 'without a Sid' }, evidence);
    const sourceArns = invokeStatements.flatMap((statement) => conditionValues(statement, ARN_OPERATORS, 'AWS:SourceArn'));
    return failed('otherSourceArn', { ...base, sourceArns: listed(sourceArns), statementId }, evidence);
  },
};

export default check;
