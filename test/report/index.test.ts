import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InputError } from '../../src/errors.js';
import { parseFormats, REPORT_FORMATS, writeReports } from '../../src/report/index.js';
import { validateReport } from '../../src/report/json.js';
import { mixed } from './sample-results.js';

const scratch = await mkdtemp(join(tmpdir(), 'lab-grader-report-'));
after(() => rm(scratch, { recursive: true, force: true }));

test('parseFormats: comma-separated, trimmed, case-insensitive, duplicates dropped', () => {
  assert.deepEqual(parseFormats('console'), ['console']);
  assert.deepEqual(parseFormats(' json , JUnit,json,gradescope, '), ['json', 'junit', 'gradescope']);
  assert.deepEqual(parseFormats(REPORT_FORMATS.join(',')), [...REPORT_FORMATS]);
});

test('parseFormats: an unknown format is an InputError naming it and listing the valid ones', () => {
  assert.throws(() => parseFormats('console,html,xml'), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /Unknown report formats "html", "xml"/);
    assert.match(error.message, /console, json, junit, gradescope/);
    return true;
  });
  assert.throws(() => parseFormats(' , '), (error: unknown) => error instanceof InputError && /No report format given/.test(error.message));
});

test('writeReports writes each file format into a folder it creates, and no temporary file is left', async () => {
  const outDir = join(scratch, 'nested', 'reports');
  const written = await writeReports(mixed, ['console', 'json', 'junit', 'gradescope'], outDir);
  assert.deepEqual(written, [
    { format: 'json', path: join(outDir, 'report.json') },
    { format: 'junit', path: join(outDir, 'junit.xml') },
    { format: 'gradescope', path: join(outDir, 'results.json') },
  ]);
  assert.deepEqual((await readdir(outDir)).sort(), ['junit.xml', 'report.json', 'results.json']);
  assert.deepEqual(validateReport(JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8'))), []);
  assert.match(await readFile(join(outDir, 'junit.xml'), 'utf8'), /^<\?xml version="1.0" encoding="UTF-8"\?>/);
});

test('writeReports replaces an existing report whole, and writes only what was asked for', async () => {
  const outDir = join(scratch, 'replace');
  await mkdir(outDir);
  await writeFile(join(outDir, 'report.json'), 'old, half-written');
  assert.deepEqual(await writeReports(mixed, ['json'], outDir), [{ format: 'json', path: join(outDir, 'report.json') }]);
  assert.deepEqual(JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')), mixed);
  assert.deepEqual(await readdir(outDir), ['report.json']);
  assert.deepEqual(await writeReports(mixed, ['console'], outDir), []);
});

test('a folder or file that cannot be written is an InputError naming its path, leaving no temporary file', async () => {
  const outDir = join(scratch, 'blocked');
  // A folder where junit.xml should go: the rename onto it fails.
  await mkdir(join(outDir, 'junit.xml'), { recursive: true });
  await assert.rejects(writeReports(mixed, ['json', 'junit'], outDir), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.ok(error.message.includes(join(outDir, 'junit.xml')));
    return true;
  });
  assert.deepEqual((await readdir(outDir)).sort(), ['junit.xml', 'report.json']);

  const notAFolder = join(scratch, 'a-file');
  await writeFile(notAFolder, '');
  await assert.rejects(writeReports(mixed, ['gradescope'], join(notAFolder, 'reports')), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.ok(error.message.includes(join(notAFolder, 'reports')));
    return true;
  });
});
