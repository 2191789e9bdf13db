import type { Check } from '../src/engine/types.js';
import { executeApiArn } from './support/api.js';
import { arnLike, parseArn } from '../src/aws/arn-like.js';
import { listed } from './support/format.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { allowsServicePrincipal, conditionValues, coversAction, isAllow } from './support/policy.js';
import { failed, passed } from './support/verdict.js';
import { addInvokePermission } from './support/remediations.js';

const API_GATEWAY = 'apigateway.amazonaws.com';
// IAM evaluates ArnEquals exactly like ArnLike (wildcards included).
const ARN_OPERATORS = ['ArnLike', 'ArnEquals'];

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
      otherSourceArn: "The function's resource policy lets API Gateway invoke it only from {{sourceArns}}, which does not match {{executeApiArn}}.",
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Let API Gateway invoke the function from this API, as in Activity 9 (a new statement id if the old one is taken).',
      commands: [addInvokePermission('{{statementId}}')],
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
    // If the lab's statement id is taken by a wrong statement, the fix needs another id.
    const base = { functionName, executeApiArn: target, statementId: lab.names.permissionStatementId };
    if (policy.state === 'absent') return failed('noPolicy', base, { detail: policy.detail });

    const statements = policy.value.Statement;
    const invokeStatements = statements.filter(
      (statement) => isAllow(statement) && allowsServicePrincipal(statement, API_GATEWAY) && coversAction(statement, 'lambda:InvokeFunction'),
    );
    const evidence = { executeApiArn: target, statements };
    if (invokeStatements.length === 0) return failed('noApiGatewayStatement', { ...base, statementCount: statements.length }, evidence);

    const matching = invokeStatements.find((statement) => {
      const sourceArns = conditionValues(statement, ARN_OPERATORS, 'AWS:SourceArn');
      // No SourceArn condition: any API may invoke the function, this one included.
      return sourceArns.length === 0 || sourceArns.some((pattern) => arnLike(pattern, target));
    });
    if (matching) return passed('allowed', { ...base, sid: matching.Sid ?? 'without a Sid' }, evidence);
    const sourceArns = invokeStatements.flatMap((statement) => conditionValues(statement, ARN_OPERATORS, 'AWS:SourceArn'));
    const taken = invokeStatements.some((statement) => statement.Sid === lab.names.permissionStatementId);
    return failed(
      'otherSourceArn',
      { ...base, sourceArns: listed(sourceArns), statementId: taken ? `${lab.names.permissionStatementId}-2` : lab.names.permissionStatementId },
      evidence,
    );
  },
};

export default check;
