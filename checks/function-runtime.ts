import type { Check } from '../src/engine/types.js';
import { shown } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'function-runtime',
    step: 6,
    title: 'The function runs a Python 3 runtime',
    dependsOn: ['function-exists'],
    severity: 'medium',
    kind: 'inspect',
    messages: {
      python: 'The function runs {{runtime}}.',
      deprecated:
        'The function runs {{runtime}}, a Python 3 runtime that AWS deprecated on {{deprecatedOn}}: it still runs, but use {{expected.recommendedRuntime}} for new work.',
      notPython: "The function runs {{runtime}}, not a Python 3 runtime, so the lab's lambda_function.py cannot run.",
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Switch the function to a current Python 3 runtime.',
      commands: ['aws lambda update-function-configuration --function-name {{functionName}} --runtime {{expected.recommendedRuntime}} --region {{region}}'],
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
    permissions: ['lambda:GetFunction'],
  },
  evaluate(snapshot, lab) {
    const fn = snapshot.lambda.function;
    if (fn.state !== 'found') return unobserved(fn, 'the Lambda function');
    const { functionName, runtime } = fn.value;
    const data = { functionName, runtime: shown(runtime, 'no managed runtime (a container image)') };
    const evidence = { runtime };
    if (runtime === null || !new RegExp(lab.expected.runtimePattern).test(runtime)) return failed('notPython', data, evidence);
    const deprecatedOn = lab.expected.deprecatedRuntimes[runtime];
    if (deprecatedOn !== undefined) return passed('deprecated', { ...data, deprecatedOn }, evidence);
    return passed('python', data, evidence);
  },
};

export default check;
