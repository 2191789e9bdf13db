// Reading a file a user pointed us at (a lab spec, a snapshot, a roster): a failure is an InputError naming it.
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** The file's text, without a byte order mark. `what` says what the file should be ("roster"), for the message. */
export async function readUserFile(path: string, what: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const reason = code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${code})`;
    throw new InputError(`${path}: cannot load the ${what}: ${reason}. Check the path.`);
  }
  // Editors on Windows may start the file with a byte order mark, which JSON.parse refuses.
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
