// The import rules: the code's folders form layers, and an import only goes down (or stays in its folder);
// no module imports itself through others. LAYERS below is the one place the allowed direction is written.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * Bottom to top: a folder may import from the rows above its own, never from its row's other folders or from
 * below. A folder is a top-level folder (or file), or a folder of src/ ("src" alone: the files in src/ itself).
 * Every *.test.ts belongs to the last row, wherever it lives.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['package.json'], // the package's metadata
  ['src'], // typed errors, the version
  ['src/aws', 'src/files'], // ARN and policy matching; atomic writes, reading users' files
  ['src/json'], // JSON files, depth limits, schemas
  ['src/snapshot'], // what a grade observes: types and schema
  ['src/lab'], // the lab spec: types and loader
  ['src/target'], // credentials, regions, the grading clients
  ['src/observation'], // a call's outcome as an observation: error classes, redaction
  ['src/engine'], // checks in dependency order, score, the grader's sentences
  ['src/collect', 'src/probes', 'src/report', 'src/sandbox'], // evidence, live probes, report writers, the local AWS
  ['src/pipeline'], // one account's snapshot, assembled; the Lab interface
  ['checks'], // this lab: its checks, spec and bundle
  ['reference-solution'], // the lab built (and broken) with the SDK
  ['src/batch', 'src/demo'], // a class; the demo
  ['src/cli'], // the commands, exit codes, and the choice of lab
  ['fixtures'], // account states and the results they must produce (the tests' data, not the product's)
  ['test'], // tests and their support
  ['bin', 'scripts'], // the executable; benchmarks (which reuse the tests' support)
];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = ['bin', 'checks', 'fixtures', 'reference-solution', 'scripts', 'src', 'test'];
const SOURCE = /\.(ts|mts|mjs)$/;
// Static imports and re-exports (`import x from`, `import type`, `export * from`), side-effect imports, import().
const SPECIFIERS = [/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : SOURCE.test(name) ? [path] : [];
  });
}

/**
 * The repository file a relative specifier names (`./x.js` is `./x.ts` for tsx); null for a package, or for
 * a path that names no file (text that looks like an import inside a string; tsc checks the real ones).
 */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const path = resolve(dirname(from), specifier);
  const candidates = [path, path.replace(/\.js$/, '.ts'), path.replace(/\.mjs$/, '.mts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

/** Every repository file each source file imports, package imports left out. Comments are no imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const code = readFileSync(file, 'utf8').replace(/\/\*[^]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const targets = SPECIFIERS.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => resolveSpecifier(file, match[1] as string)));
    graph.set(file, [...new Set(targets.filter((target): target is string => target !== null))]);
  }
  return graph;
}

/** The folder a file belongs to, as LAYERS names folders. */
function folderOf(file: string): string {
  const path = relative(ROOT, file);
  if (path.endsWith('.test.ts')) return 'test';
  const [top, second, ...rest] = path.split('/');
  if (top === 'src') return rest.length > 0 || (second !== undefined && !SOURCE.test(second) && !second.endsWith('.json')) ? `src/${second}` : 'src';
  return top as string;
}

const layerOf = new Map(LAYERS.flatMap((row, index) => row.map((folder) => [folder, index] as const)));
const graph = importGraph();

test('every folder has its row in LAYERS', () => {
  const folders = new Set([...graph.entries()].flatMap(([file, targets]) => [file, ...targets].map(folderOf)));
  const unplaced = [...folders].filter((folder) => !layerOf.has(folder));
  assert.deepEqual(unplaced, [], `add ${unplaced.join(', ')} to LAYERS in ${relative(ROOT, fileURLToPath(import.meta.url))}`);
});

test('imports only go down the layers', () => {
  const upward: string[] = [];
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    for (const target of targets) {
      const to = folderOf(target);
      if (to === from) continue;
      if ((layerOf.get(to) ?? Infinity) >= (layerOf.get(from) ?? -Infinity)) {
        upward.push(`${relative(ROOT, file)} (${from}) imports ${relative(ROOT, target)} (${to})`);
      }
    }
  }
  assert.deepEqual(upward, []);
});

test('no import cycles', () => {
  // Tarjan's strongly connected components: every component of more than one module is a cycle.
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file) as number, lowLink.get(target) as number));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file) as number, index.get(target) as number));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(relative(ROOT, member));
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});
