// The source of the grading path, and what of the AWS SDK it uses: the command classes it imports or
// constructs, and the credential providers. Read statically, so a write command anywhere in the path is found
// whether or not a test happens to run it.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO } from '../../support/cli.js';

/** The folders of the grading path, and the two commands that run it. The sandbox, the demo and the reference
 * solution write on purpose (they build labs) and are not in it. */
const GRADING_FOLDERS = ['src/collect', 'src/probes', 'src/pipeline', 'src/batch', 'src/target'];
const GRADING_COMMANDS = ['src/cli/commands/grade.ts', 'src/cli/commands/batch.ts'];
/** Where the grading path must never reach through its imports. */
export const WRITING_FOLDERS = ['src/sandbox/', 'src/demo/', 'reference-solution/'];

export interface SdkUse {
  /** Value imports (not `type`) from @aws-sdk/client-* and every `new XCommand(`. */
  commands: Set<string>;
  /** Other value imports from @aws-sdk/client-* (clients, exceptions): what they are is checked by the caller. */
  otherClientImports: Set<string>;
  credentialProviders: Set<string>;
  /** `import * as` or `import()` of an @aws-sdk module: its commands could not be listed. */
  opaqueImports: string[];
}

const NAMED_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/[^']+)'/g;
const OPAQUE_IMPORT = /import\s*\*\s*as\s+\w+\s+from\s*'@aws-sdk\/[^']+'|import\(\s*['"`]@aws-sdk\//g;
const CONSTRUCTED_COMMAND = /\bnew\s+(\w+Command)\b/g;

/** What one source file takes from the AWS SDK. */
export function sdkUseOf(source: string, into: SdkUse = emptyUse()): SdkUse {
  for (const [, typeOnly, names = '', module = ''] of source.matchAll(NAMED_IMPORT)) {
    if (typeOnly) continue;
    for (const specifier of names.split(',').map((name) => name.trim()).filter(Boolean)) {
      if (specifier.startsWith('type ')) continue;
      const name = specifier.split(/\s+as\s+/)[0] as string;
      if (module === '@aws-sdk/credential-providers') into.credentialProviders.add(name);
      else if (name.endsWith('Command')) into.commands.add(name);
      else into.otherClientImports.add(name);
    }
  }
  for (const [, command] of source.matchAll(CONSTRUCTED_COMMAND)) into.commands.add(command as string);
  into.opaqueImports.push(...[...source.matchAll(OPAQUE_IMPORT)].map(([text]) => text));
  return into;
}

function emptyUse(): SdkUse {
  return { commands: new Set(), otherClientImports: new Set(), credentialProviders: new Set(), opaqueImports: [] };
}

const LOCAL_IMPORT = /(?:import|export)\s[^;]*?from\s*'(\.{1,2}\/[^']+)'/g;

/** The grading folders' files and every file the two commands reach through relative imports, repo-relative. */
export async function gradingPathFiles(): Promise<string[]> {
  const files = new Set<string>();
  for (const folder of GRADING_FOLDERS) {
    for (const entry of await readdir(join(REPO, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.add(relative(REPO, join(entry.parentPath, entry.name)));
    }
  }
  const pending = [...GRADING_COMMANDS, ...files];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    files.add(file);
    for (const [, specifier = ''] of (await readFile(join(REPO, file), 'utf8')).matchAll(LOCAL_IMPORT)) {
      if (specifier.endsWith('.json')) continue;
      const imported = relative(REPO, resolve(REPO, dirname(file), specifier.replace(/\.js$/, '.ts')));
      if (!files.has(imported)) pending.push(imported);
    }
  }
  return [...files].sort();
}

export async function sdkUseOfFiles(files: readonly string[]): Promise<SdkUse> {
  const use = emptyUse();
  for (const file of files) sdkUseOf(await readFile(join(REPO, file), 'utf8'), use);
  return use;
}
