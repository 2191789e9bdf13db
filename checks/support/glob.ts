// IAM-style wildcards live in src/aws/, shared with the sandbox.
export { globMatches } from '../../src/aws/glob.js';
