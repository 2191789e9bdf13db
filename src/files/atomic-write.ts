// Writes a file so that a reader never sees half of it: a temporary file in the same folder, then a rename.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    // The temporary file may never have been created (e.g. the folder is a file): cleaning up must not hide why.
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new InputError(`Cannot write ${path} (${reason}). Check that the folder exists or can be created and that you may write to it.`);
  }
}
