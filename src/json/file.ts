// Reading a JSON document a user pointed us at: every failure is an InputError that names the file.
import { InputError } from '../errors.js';
import { readUserFile } from '../files/read-user-file.js';

/** `what` says what the file should be ("snapshot", "lab spec"), for the message. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  return parseJsonText(await readUserFile(path, what), path, what);
}

/** Parses a user's JSON; a syntax error is an InputError with the reason and the line, never the file's text. */
export function parseJsonText(text: string, path: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${path}: the ${what} is not valid JSON (${syntaxProblem(text, error)}). Fix the file or write it again.`);
  }
}

/**
 * V8's reason, with the line it points at, but without the text of the file it quotes: that may be a password
 * (a lab spec has one) or escape sequences meant for the reader's terminal.
 */
function syntaxProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const reason = message
    .replace(/^Unexpected token .*$|^".*" is not valid JSON$/s, 'Unexpected token')
    .replace(/ at position \d+.*$/s, '')
    .replace(/[^\x20-\x7e]/g, '?');
  return position ? `${reason} on line ${text.slice(0, Number(position[1])).split('\n').length}` : reason;
}
