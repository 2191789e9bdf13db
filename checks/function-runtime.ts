import type { Check } from '../src/engine/types.js';
import { shown } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';
import { addInvokePermission, FUNCTION_ZIP, UPDATE_FUNCTION_CODE } from './support/remediations.js';

const SET_RUNTIME = 'aws lambda update-function-configuration --function-name {{functionName}} --runtime {{expected.recommendedRuntime}} --region {{region}}';
/** The lab's handler goes with a Python runtime: the two change together. */
const SET_PYTHON_RUNTIME_AND_HANDLER =
  'aws lambda update-function-configuration --function-name {{functionName}} --runtime {{expected.recommendedRuntime}} --handler {{expected.handler}} --region {{region}}';
/** Lambda refuses another update of the function until the last one is applied. */
const WAIT_FUNCTION_UPDATED = 'aws lambda wait function-updated --function-name {{functionName}} --region {{region}}';

/** A container image cannot become a zip function: it is deleted and made again as Activity 6 makes it. */
const RECREATE_AS_ZIP = [
  'aws lambda delete-function --function-name {{functionName}} --region {{region}}',
  'LAMBDA_ARN=$(aws lambda create-function --function-name {{functionName}} --runtime {{expected.recommendedRuntime}} --role {{roleArn}} ' +
    "--handler {{expected.handler}} --zip-file fileb://function.zip --region {{region}} --query 'FunctionArn' --output text)",
  'aws lambda wait function-active-v2 --function-name {{functionName}} --region {{region}}',
  // Deleting the function deleted its resource policy with it.
  addInvokePermission('{{names.permissionStatementId}}'),
];

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
      oldPython: 'The function runs {{runtime}}, not a Python 3 runtime; AWS no longer supports it.',
      notPython: "The function runs {{runtime}}, not a Python 3 runtime, so the lab's lambda_function.py cannot run.",
      containerImage: "The function is a container image, not a zip of the lab's lambda_function.py on a Python 3 runtime.",
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Switch the function to a current Python 3 runtime.',
      commands: [SET_RUNTIME],
      byMessage: {
        deprecated: { text: 'Switch the function to a current Python 3 runtime: the code stays as it is.', commands: [SET_RUNTIME] },
        notPython: {
          text:
            "Switch the function to a current Python 3 runtime with the lab's handler, wait for Lambda to apply it, " +
            "then upload the lab's lambda_function.py again (function.zip from Activity 6), so that the code matches the runtime.",
          commands: [SET_PYTHON_RUNTIME_AND_HANDLER, WAIT_FUNCTION_UPDATED, UPDATE_FUNCTION_CODE],
          needs: [FUNCTION_ZIP],
        },
        containerImage: {
          text:
            "Make the function again as Activity 6 does, from function.zip on a current Python 3 runtime (the same name keeps the API's integration), " +
            "and add Activity 9's permission again, which went with the old function.",
          commands: RECREATE_AS_ZIP,
          needs: [FUNCTION_ZIP],
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
    permissions: ['lambda:GetFunction'],
  },
  evaluate(snapshot, lab) {
    const fn = snapshot.lambda.function;
    if (fn.state !== 'found') return unobserved(fn, 'the Lambda function');
    const { functionName, runtime, packageType } = fn.value;
    const data = { functionName, runtime: shown(runtime, 'no managed runtime') };
    const evidence = { runtime, packageType };
    if (packageType === 'Image') return failed('containerImage', data, evidence);
    if (runtime === null || !new RegExp(lab.expected.runtimePattern).test(runtime)) {
      // An older Python runs the lab's code as it is: only the runtime changes.
      return failed(runtime?.startsWith('python') ? 'oldPython' : 'notPython', data, evidence);
    }
    const deprecatedOn = lab.expected.deprecatedRuntimes[runtime];
    if (deprecatedOn !== undefined) return passed('deprecated', { ...data, deprecatedOn }, evidence);
    return passed('python', data, evidence);
  },
};

export default check;
