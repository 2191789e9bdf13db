// Where a command writes. Commands never touch process.* directly, so that tests run them in-process.
export interface CliStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  /** Resolves when the user asks a long-running command (the sandbox) to stop. */
  untilInterrupted(): Promise<void>;
}

/**
 * Whether the console report on stdout is coloured, first rule that applies: --color / --no-color; FORCE_COLOR
 * set (even empty) forces colour on, unless it is "0" or "false", which force it off (as Node and chalk read it);
 * NO_COLOR set and non-empty turns it off (an empty NO_COLOR counts as unset, per no-color.org); else colour
 * only on a terminal whose TERM is not "dumb".
 */
export function useColor(io: CliIo, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR) return false;
  return Boolean(io.stdout.isTTY) && io.env.TERM !== 'dumb';
}
