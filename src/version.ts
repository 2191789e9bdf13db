// The grader's version, from package.json (inlined by the bundler, read by tsx).
import packageJson from '../package.json' with { type: 'json' };

export const GRADER_VERSION: string = packageJson.version;
