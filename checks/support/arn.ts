// ARN parsing and ArnLike matching live in src/aws/, shared with the sandbox.
export { arnLike, parseArn, type Arn } from '../../src/aws/arn-like.js';
