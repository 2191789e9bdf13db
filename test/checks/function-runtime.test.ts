// Activity 6: the function runs a Python 3 runtime; a deprecated one passes with a note.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import functionRuntime from '../../checks/function-runtime.js';
import { checkTester } from './check-tester.js';
import { renderedFix } from './fix-commands.js';
import { functionUnreadable, withFunction } from './function-snapshots.js';
import { complete, lab } from './snapshots.js';

checkTester(functionRuntime, {
  valid: [
    { name: 'python3.13', snapshot: complete, messageId: 'python' },
    { name: 'python3.14', snapshot: withFunction({ runtime: 'python3.14' }), messageId: 'python' },
    { name: "the lab's python3.9, deprecated", snapshot: withFunction({ runtime: 'python3.9' }), messageId: 'deprecated' },
    {
      name: "an instructor's spec that deprecates python3.13",
      snapshot: complete,
      lab: { ...lab, expected: { ...lab.expected, deprecatedRuntimes: { 'python3.13': '2029-06-30' } } },
      messageId: 'deprecated',
    },
  ],
  invalid: [
    { name: 'Node.js', snapshot: withFunction({ runtime: 'nodejs22.x' }), messageId: 'notPython' },
    { name: 'Python 2', snapshot: withFunction({ runtime: 'python2.7' }), messageId: 'oldPython' },
    { name: 'a container image (no runtime)', snapshot: withFunction({ runtime: null, packageType: 'Image' }), messageId: 'containerImage' },
    { name: 'a zip without a managed runtime', snapshot: withFunction({ runtime: null }), messageId: 'notPython' },
    ...functionUnreadable,
  ],
});

const CONFIGURE = 'aws lambda update-function-configuration --function-name HelloWorldFunction --runtime python3.13';

test('a runtime that is not Python: the fix sets runtime and handler, waits, and uploads the lab\'s code again', () => {
  const fix = renderedFix(withFunction({ runtime: 'nodejs20.x', handler: 'index.handler' }), 'function-runtime');
  assert.deepEqual(fix?.commands, [
    `${CONFIGURE} --handler lambda_function.lambda_handler --region us-east-1`,
    'aws lambda wait function-updated --function-name HelloWorldFunction --region us-east-1',
    'aws lambda update-function-code --function-name HelloWorldFunction --zip-file fileb://function.zip --region us-east-1',
  ]);
  assert.match(fix?.needs.join('\n') ?? '', /^function\.zip: /);
});

test('a Python runtime that is merely old keeps its one-command fix', () => {
  for (const runtime of ['python3.9', 'python2.7']) {
    assert.deepEqual(renderedFix(withFunction({ runtime }), 'function-runtime')?.commands, [`${CONFIGURE} --region us-east-1`], runtime);
  }
});

test('a container image: the fix makes the function again from function.zip, and its permission with it', () => {
  const fix = renderedFix(withFunction({ runtime: null, packageType: 'Image' }), 'function-runtime');
  assert.deepEqual(fix?.commands, [
    'aws lambda delete-function --function-name HelloWorldFunction --region us-east-1',
    'LAMBDA_ARN=$(aws lambda create-function --function-name HelloWorldFunction --runtime python3.13 --role arn:aws:iam::123456789012:role/lambda-execution-role ' +
      "--handler lambda_function.lambda_handler --zip-file fileb://function.zip --region us-east-1 --query 'FunctionArn' --output text)",
    'aws lambda wait function-active-v2 --function-name HelloWorldFunction --region us-east-1',
    'aws lambda add-permission --function-name HelloWorldFunction --statement-id apigateway-invoke --action lambda:InvokeFunction --principal apigateway.amazonaws.com ' +
      '--source-arn "arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p1/*/*" --region us-east-1',
  ]);
});
