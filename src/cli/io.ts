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

export function useColor(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}
