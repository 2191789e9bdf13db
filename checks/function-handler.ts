import type { Check } from '../src/engine/types.js';
import { shown } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'function-handler',
    step: 6,
    title: "The function's handler is the lab's",
    dependsOn: ['function-exists'],
    severity: 'medium',
    kind: 'inspect',
    messages: {
      expected: "The function's handler is {{handler}}.",
      wrongHandler: "The function's handler is {{handler}}, not {{expected.handler}}.",
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Set the handler to lambda_function.lambda_handler (file lambda_function.py, function lambda_handler).',
      commands: ['aws lambda update-function-configuration --function-name {{functionName}} --handler {{expected.handler}} --region {{region}}'],
    },
    // A runtime that is not Python gets its fix with the lab's handler set too.
    explainedBy: ['function-runtime'],
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html',
    permissions: ['lambda:GetFunction'],
  },
  evaluate(snapshot, lab) {
    const fn = snapshot.lambda.function;
    if (fn.state !== 'found') return unobserved(fn, 'the Lambda function');
    const { functionName, handler } = fn.value;
    const data = { functionName, handler: shown(handler) };
    return handler === lab.expected.handler ? passed('expected', data, { handler }) : failed('wrongHandler', data, { handler });
  },
};

export default check;
