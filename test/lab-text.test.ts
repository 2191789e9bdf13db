// The project's copies of the lab (the learner's commands, the Lambda handler) must be LAB.md's, to the letter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAB_HANDLER_SOURCE } from '../reference-solution/lambda/handler-source.js';
import { LAB_MARKDOWN_PATH, labMarkdownBlocks } from './support/lab-markdown.js';
import { labBlocks } from './support/lab-script.js';

const markdown = labMarkdownBlocks();
const skip = markdown ? false : `${LAB_MARKDOWN_PATH} is not beside the project`;

test("test/support/lab.sh holds LAB.md's commands verbatim, activity by activity", { skip }, () => {
  assert.deepEqual(
    labBlocks().map((block) => ({ activity: block.heading, code: block.code })),
    markdown,
  );
});

test("the reference solution's handler is the file LAB.md's Activity 6 writes", { skip }, () => {
  const activity6 = markdown?.find((block) => block.activity.startsWith('Activity 6:'))?.code ?? '';
  const heredoc = /cat > lambda_function\.py << 'EOF'\n([\s\S]*?\n)EOF\n/.exec(activity6)?.[1];
  assert.equal(LAB_HANDLER_SOURCE, heredoc);
});
