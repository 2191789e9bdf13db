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
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${path}: the ${what} is not valid JSON (${reason}). Fix the file or write it again.`);
  }
}
