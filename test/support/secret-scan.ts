// The one scanner of outputs for secrets: every file a command wrote and everything it printed must hold none of
// the secrets the test knows (passwords, keys, ExternalIds), no JWT, and no STS session token.
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Any JWT: header and payload are base64url JSON objects ("eyJ" is `{"`). */
export const ANY_JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/;
/** An STS session token: AWS's (and the sandbox's AssumeRole's) start with this base64 of their version header. */
export const ANY_SESSION_TOKEN = /IQoJb3JpZ2lu/;

/** Output name -> text. */
export type Outputs = Record<string, string>;

/** Every file under each path (a file or a folder, walked recursively), keyed by its path. */
export async function readOutputs(paths: readonly string[]): Promise<Outputs> {
  const outputs: Outputs = {};
  for (const path of paths) {
    if ((await stat(path)).isFile()) {
      outputs[path] = await readFile(path, 'utf8');
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((candidate) => candidate.isFile())) {
      const file = join(entry.parentPath, entry.name);
      outputs[file] = await readFile(file, 'utf8');
    }
  }
  return outputs;
}

const SECRET_SHAPES: readonly RegExp[] = [ANY_JWT, ANY_SESSION_TOKEN];

/**
 * "<what> in <where>" for each secret found: the exact `secrets`, any JWT or session token, and whatever
 * `shapes` the test adds (e.g. the text of a canonical request).
 */
export function findSecrets(outputs: Outputs, secrets: readonly string[], shapes: readonly RegExp[] = []): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(outputs)) {
    for (const secret of secrets) if (secret !== '' && text.includes(secret)) found.push(`a secret (${secret.slice(0, 6)}…) in ${where}`);
    for (const shape of [...SECRET_SHAPES, ...shapes]) if (shape.test(text)) found.push(`${shape} in ${where}`);
  }
  return found;
}

export function assertNoSecrets(outputs: Outputs, secrets: readonly string[], shapes: readonly RegExp[] = []): void {
  assert.deepEqual(findSecrets(outputs, secrets, shapes), [], 'no secret in any output');
}
