import type { Check } from '../src/engine/types.js';
import { shown } from './support/format.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'function-exists',
    step: 6,
    title: 'The Lambda function exists and is Active',
    dependsOn: [],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      active: 'The function {{functionName}} exists and is {{state}}.',
      missing: 'There is no Lambda function named {{names.function}} in {{region}}.',
      notActive: 'The function {{functionName}} is in state {{state}} ({{stateReason}}), not Active.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the function as in Activity 6 (zip lambda_function.py first), with a runtime Lambda still accepts.',
      commands: [
        'LAMBDA_ARN=$(aws lambda create-function --function-name {{functionName}} --runtime {{expected.recommendedRuntime}} --role {{roleArn}} ' +
        "--handler {{expected.handler}} --zip-file fileb://function.zip --region {{region}} --query 'FunctionArn' --output text)"],
      byMessage: {
        notActive: {
          text: "Read the function's state reason; fixing its cause and updating the function makes Lambda try again.",
          commands: ["aws lambda get-function-configuration --function-name {{functionName}} --region {{region}} --query '[State,StateReason,StateReasonCode]'"],
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html',
    permissions: ['lambda:GetFunction'],
  },
  evaluate(snapshot) {
    const fn = snapshot.lambda.function;
    if (!seen(fn)) return unobserved(fn, 'the Lambda function');
    if (fn.state === 'absent') return failed('missing', { region: snapshot.target.region }, { detail: fn.detail });
    const { functionName, state, stateReason } = fn.value;
    // Functions from before Lambda reported states carry none: they run.
    if (state === null || state === 'Active') return passed('active', { functionName, state: state ?? 'running' }, { state });
    return failed('notActive', { functionName, state, stateReason: shown(stateReason, 'no reason given') }, { state, stateReason });
  },
};

export default check;
