// `lab-grader explain <id>` for every check in the catalogue: its messages and fix commands filled with the lab's
// names and LAB.md's shell variables, never a raw {{placeholder}}, and commands a shell takes as they are.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogue } from '../../checks/index.js';
import { runInProcess } from '../support/cli.js';

const explain = async (id: string): Promise<string> => {
  const run = await runInProcess(['explain', id]);
  assert.equal(run.code, 0, `${id}: ${run.stderr}`);
  return run.stdout;
};

/** The command lines of explain's output: indented under a "Fix" line. */
const commandLines = (output: string): string[] =>
  output.split('\n').filter((line) => /^ {2}(aws |[A-Z_]+=\$\(aws )/.test(line));

describe('explain', () => {
  test('no check leaves a {{placeholder}} unfilled, in its outcomes, fixes or commands', async () => {
    for (const { meta } of catalogue) {
      const output = await explain(meta.id);
      assert.doesNotMatch(output, /\{\{|\}\}/, meta.id);
      for (const line of commandLines(output)) assert.doesNotMatch(line, /<\w+>/, `${meta.id}: a command with prose in angle brackets: ${line}`);
    }
  });

  test("commands use the lab's names and LAB.md's variables, and say what the other variables stand for", async () => {
    const authorized = await explain('hello-get-authorized');
    assert.ok(
      authorized.includes('  aws apigateway create-deployment --rest-api-id $API_ID --stage-name prod --region $REGION\n'),
      authorized,
    );
    assert.match(authorized, /--resource-id \$RESOURCE_ID --http-method GET /);
    assert.match(
      authorized,
      /\nIn the commands, \$API_ID and the like are LAB\.md's shell variables: a grade prints your own IDs in their place\.\n\$REMOVE_SCOPES: a grade fills this in from what it sees in your account\.\n$/,
    );

    const openMethods = await explain('no-open-methods');
    assert.match(openMethods, /--resource-id \$FIRST_OPEN_RESOURCE_ID --http-method \$FIRST_OPEN_HTTP_METHOD /);
    assert.match(openMethods, /\n\$FIRST_OPEN_RESOURCE_ID, \$FIRST_OPEN_HTTP_METHOD: a grade fills these in from what it sees in your account\.\n$/);
    // In a sentence, a value the grade observes is named in angle brackets.
    assert.match(openMethods, /openMethods: The API \$API_ID has methods anyone can call without a token: <openMethods>\./);
  });
});
