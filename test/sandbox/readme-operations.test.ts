// The operation tables of the sandbox's READMEs against the services' own route and action tables: a README
// that lists an operation the service does not answer, or leaves out one it does, fails here.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceBinding } from '../../src/sandbox/binding.js';
import { createServices } from '../../src/sandbox/registry.js';

const SANDBOX = fileURLToPath(new URL('../../src/sandbox/', import.meta.url));

/** What a service answers: its route, action or handler table. Sandbox-only routes (/_sandbox/...) are no AWS operation. */
function implemented(binding: ServiceBinding): string[] {
  switch (binding.protocol) {
    case 'rest':
      return binding.service.routes.filter((route) => !route.path.startsWith('/_sandbox/')).map((route) => route.operation);
    case 'query':
      return Object.keys(binding.service.actions);
    case 'json':
      return [...binding.service.operations];
  }
}

/** The rows of every table in `markdown` whose second column is headed "operations": [first cell, second cell]. */
function operationRows(markdown: string): [string, string][] {
  const rows: [string, string][] = [];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    const cells = line.trim().startsWith('|') ? line.trim().slice(1, -1).split('|').map((cell) => cell.trim()) : undefined;
    if (!cells) {
      inTable = false;
    } else if (cells[1] === 'operations') {
      inTable = true;
    } else if (inTable && !/^-+$/.test(cells[0] ?? '')) {
      rows.push([cells[0] ?? '', cells.slice(1).join('|')]);
    }
  }
  return rows;
}

/**
 * The operation names of one cell: `Name (notes)` items separated by commas or "and"; code spans and notes in
 * parentheses are not names. Anything else left in an item is a mistake in the table, reported as such.
 */
function operationNames(cell: string): string[] {
  const items = cell
    .replace(/`[^`]*`/g, '')
    .replace(/\([^)]*\)/g, '')
    .split(/,| and /)
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items) assert.match(item, /^[A-Z][A-Za-z0-9]+$/, `"${item}" in "${cell}" is not an operation name`);
  return items;
}

const readme = (relative: string) => readFileSync(`${SANDBOX}${relative}`, 'utf8');

/** The service's documented operations: its row of the sandbox README, or the README that row points to. */
function documented(service: string): string[] {
  const row = operationRows(readme('README.md')).find(([name]) => name === service);
  assert.ok(row, `src/sandbox/README.md has no row for ${service} in its operations table`);
  const pointer = /^see `(\w+)\/README\.md`$/.exec(row[1]);
  if (!pointer) return operationNames(row[1]);
  const rows = operationRows(readme(`${pointer[1]}/README.md`));
  assert.ok(rows.length > 0, `${pointer[1]}/README.md has no operations table`);
  return rows.flatMap(([, cell]) => operationNames(cell));
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('README operation tables', () => {
  const services = createServices({});
  after(() => services.runner.stop());

  for (const binding of services.bindings) {
    it(`list exactly the operations ${binding.profile.name} answers`, () => {
      const listed = documented(binding.profile.name);
      assert.deepEqual(sorted(listed), sorted(implemented(binding)));
      assert.equal(listed.length, new Set(listed).size, 'an operation is listed twice');
    });
  }

  it('reads names, notes and code spans apart, and refuses anything else', () => {
    assert.deepEqual(operationNames('GetRole, Invoke (through the runner, below), Alpha and Beta (x, y), `GET /x`'), ['GetRole', 'Invoke', 'Alpha', 'Beta']);
    assert.throws(() => operationNames('GetRole, see the list'), /"see the list" .* is not an operation name/);
  });
});
