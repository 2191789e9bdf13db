// Reading a JSON document a user pointed us at: every failure is an InputError that names the file.
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** `what` says what the file should be ("snapshot", "lab spec"), for the message. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const reason = code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${code})`;
    throw new InputError(`${path}: cannot load the ${what}: ${reason}. Check the path.`);
  }
  // Editors on Windows may start the file with a byte order mark, which JSON.parse refuses.
  if (text.startsWith('\ufeff')) text = text.slice(1);
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
