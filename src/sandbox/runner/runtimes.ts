// Which local program runs a Lambda runtime identifier, with which bootstrap.

import { NODE_BOOTSTRAP, NODE_BOOTSTRAP_FILE } from './bootstrap-node.js';
import { PYTHON_BOOTSTRAP, PYTHON_BOOTSTRAP_FILE } from './bootstrap-python.js';

export interface RuntimeLaunch {
  runtime: string;
  command: string;
  /** Arguments before the bootstrap path. */
  args: string[];
  bootstrapFile: string;
  bootstrapSource: string;
}

export type RuntimeResolution = { ok: true; launch: RuntimeLaunch } | { ok: false; reason: string };

export interface RuntimeCommands {
  python: string;
  node: string;
}

export function resolveRuntime(runtime: string, commands: RuntimeCommands): RuntimeResolution {
  if (/^python3\.\d+$/.test(runtime)) {
    // -u: unbuffered, so prints reach the log in order and before the end marker.
    const launch = { runtime, command: commands.python, args: ['-u'], bootstrapFile: PYTHON_BOOTSTRAP_FILE, bootstrapSource: PYTHON_BOOTSTRAP };
    return { ok: true, launch };
  }
  if (/^nodejs\d+\.x$/.test(runtime)) {
    const launch = { runtime, command: commands.node, args: [], bootstrapFile: NODE_BOOTSTRAP_FILE, bootstrapSource: NODE_BOOTSTRAP };
    return { ok: true, launch };
  }
  return {
    ok: false,
    reason: `The sandbox cannot run runtime ${runtime}: it runs only python3.x and nodejsN.x functions (no Java, .NET, Ruby, provided.* or container images).`,
  };
}
