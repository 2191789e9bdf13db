// Unpacks a deployment package into a worker's task folder (Lambda's /var/task).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';

export class InvalidPackageError extends Error {}

/** Writes every file of the zip under root. Entries escaping root (zip slip) make the package invalid. */
export async function unzipTo(zip: Uint8Array, root: string): Promise<void> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new InvalidPackageError(`Could not unzip the deployment package: ${(error as Error).message}`);
  }
  const base = resolve(root);
  for (const [name, data] of Object.entries(entries)) {
    const target = resolve(base, name);
    if (target !== base && !target.startsWith(base + sep)) {
      throw new InvalidPackageError(`Zip entry '${name}' points outside the package folder`);
    }
    if (name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
  }
}
