// summary.html in a real browser (headless Chromium): it renders something that is not blank, and its DOM has
// the histogram and the bars with the right counts, hostile names as text. Skips when Chromium is absent.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { renderSummaryHtml } from '../../src/batch/summary-html.js';
import { summarize } from '../../src/batch/summary.js';
import { CHECKS, errorStudent, gradedStudent, record } from './support/outcomes.js';

const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = '<script>document.title="pwned"</script><b>bold</b>';
const run = promisify(execFile);

function chromiumArgs(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--window-size=1200,900',
  ];
}

/** Width and height from a PNG's IHDR chunk (bytes 16 to 23). */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('summary.html in headless Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium)` }, () => {
  let dir: string;
  let page: string;
  // 2 students at 100 %, 1 at 50 %, 1 at 0 % (the last check blocked, not failed), 1 error: bins 9 (2), 5 (1), 0 (1).
  const blocked = gradedStudent(4, 'Cy', 0);
  const lastCheck = CHECKS.at(-1)?.id ?? '';
  blocked.checks[lastCheck] = 'BLOCKED';
  const denied = errorStudent(5, HOSTILE, `${HOSTILE} ${'and a long paragraph after it. '.repeat(10)}`);
  denied.cause = 'could not assume arn:aws:iam::100000000005:role/LabGraderReadOnly: AccessDenied (the role does not exist, does not trust your account, or wants another ExternalId)';
  const done = [gradedStudent(1, HOSTILE, 100), gradedStudent(2, 'Ada', 100), gradedStudent(3, 'Bo', 50), blocked, denied];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-grader-html-'));
    page = join(dir, 'summary.html');
    await writeFile(page, renderSummaryHtml(record(done), summarize(record(done))));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the screenshot has the window size and is not blank', async () => {
    // LAB_GRADER_KEEP_SCREENSHOT=<file>: keep the picture, to look at it.
    const png = process.env['LAB_GRADER_KEEP_SCREENSHOT'] || join(dir, 'summary.png');
    await run(CHROMIUM, [...chromiumArgs(join(dir, 'profile-shot')), `--screenshot=${png}`, pathToFileURL(page).href], { timeout: 60_000 });
    const image = await readFile(png);
    assert.deepEqual(pngSize(image), { width: 1200, height: 900 });
    // A blank 1200x900 page compresses to a few kilobytes; text, bars and colours do not.
    assert.ok((await stat(png)).size > 20_000, `screenshot of ${image.length} bytes looks blank`);
  });

  test('the DOM has the histogram bins and one bar per check, hardest first, and the hostile name as text', async () => {
    const { stdout: dom } = await run(CHROMIUM, [...chromiumArgs(join(dir, 'profile-dom')), '--dump-dom', pathToFileURL(page).href], {
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const bins = [...dom.matchAll(/<g class="bin" data-from="(\d+)" data-to="\d+" data-count="(\d+)">/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.deepEqual(bins, [[0, 1], [10, 0], [20, 0], [30, 0], [40, 0], [50, 1], [60, 0], [70, 0], [80, 0], [90, 2]]);
    const bars = [...dom.matchAll(/<g class="check-bar" data-check="([^"]+)" data-pass-rate="([\d.]+)" data-pass="(\d+)"/g)];
    assert.equal(bars.length, CHECKS.length);
    const rates = bars.map((bar) => Number(bar[2]));
    assert.deepEqual(rates, [...rates].sort((a, b) => a - b), 'sorted, hardest first');
    // The hardest checks are passed by the two full marks only: the first one the 50 % student failed leads;
    // the first check is passed by the 50 % student too.
    assert.equal(bars[0]?.[1], CHECKS.find((check) => done[2]?.checks[check.id] === 'FAIL')?.id);
    assert.equal(bars[0]?.[3], '2');
    assert.equal(bars.find((bar) => bar[1] === CHECKS[0]?.id)?.[3], '3');
    // Each bar is labelled with its check's title, the id in its tooltip, and "passed/graded · percent" beside it.
    const first = CHECKS[0];
    const firstBar = new RegExp(`<g class="check-bar" data-check="${first?.id}"[^>]*><title>([^<]*)</title><text[^>]*>([^<]*)</text>[\\s\\S]*?<text[^>]*class="count">([^<]*)</text></g>`).exec(dom);
    assert.ok(firstBar, 'the first check has a bar');
    assert.ok(firstBar[1]?.includes(`(${first?.id})`), firstBar[1]);
    assert.ok(firstBar[2]?.startsWith(`${first?.step}. ${Array.from(first?.title ?? '').slice(0, 20).join('')}`), firstBar[2]);
    assert.equal(firstBar[3], '3/4 · 75%');
    // Blocked apart from failed: the last check has one of each beside the passes.
    const last = new RegExp(`<g class="check-bar" data-check="${lastCheck}"[^>]*data-fail="(\\d+)" data-blocked="(\\d+)"[^>]*>[\\s\\S]*?</g>`).exec(dom);
    assert.deepEqual([last?.[1], last?.[2]], ['1', '1']);
    assert.match(last?.[0] ?? '', /<rect class="fail"[^>]*>(?:<\/rect>)?<rect class="blocked"/);
    // The class table comes before the students who could not be graded; each student links to their own file.
    assert.ok(dom.indexOf('id="class"') < dom.indexOf('id="errors"'), 'class table first');
    const links = [...dom.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((match) => [match[1], match[2]]);
    assert.deepEqual(links.slice(0, 5), [1, 2, 3, 4, 5].map((n) => [`students/s${n}/${n === 5 ? 'error.txt' : 'report.json'}`, `s${n}`]));
    // An error reads as its cause, whole, once; the paragraph is in error.txt.
    assert.ok(dom.includes(`not graded: ${denied.cause}`));
    assert.doesNotMatch(dom, /long paragraph|more characters/);
    assert.doesNotMatch(dom, /<script>|<b>bold/);
    assert.match(dom, /&lt;script&gt;document\.title=/);
    assert.doesNotMatch(dom, /<title>pwned/);
  });
});
