// summary.html: one self-contained page (inline CSS and SVG; no script, no external asset) an instructor can
// open from disk or beside the students' folders: the score histogram, each check's pass rate (hardest first),
// the class with a link to each student's file, then who could not be graded and why.
// Names come from the roster and messages from accounts: every string is escaped.
import { sanitizeLine } from '../report/sanitize.js';
import type { ClassRecord } from './class-record.js';
import { percentOf } from './gradebook.js';
import { causeFor, ERROR_FILE, REPORT_FILE, STUDENTS_DIR, type StudentOutcome } from './outcome.js';
import type { ClassSummary } from './summary.js';

export function escapeHtml(value: string | number): string {
  return sanitizeLine(String(value))
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const percentText = (rate: number): string => `${Math.round(rate * 100)}%`;

function histogram(summary: ClassSummary): string {
  const width = 640;
  const height = 220;
  const bottom = height - 30;
  const slot = width / summary.distribution.length;
  const peak = Math.max(1, ...summary.distribution.map((bin) => bin.count));
  const bars = summary.distribution.map((bin, i) => {
    const barHeight = Math.round((bin.count / peak) * (bottom - 20));
    const x = Math.round(i * slot + 4);
    const label = `${bin.fromPercent}–${bin.toPercent}%`;
    return (
      `<g class="bin" data-from="${bin.fromPercent}" data-to="${bin.toPercent}" data-count="${bin.count}">` +
      `<title>${escapeHtml(`${label}: ${bin.count} students`)}</title>` +
      `<rect x="${x}" y="${bottom - barHeight}" width="${Math.round(slot - 8)}" height="${barHeight}" fill="#3b6fb6"/>` +
      `<text x="${Math.round(x + slot / 2 - 4)}" y="${bottom - barHeight - 4}" text-anchor="middle">${bin.count}</text>` +
      `<text x="${Math.round(x + slot / 2 - 4)}" y="${bottom + 16}" text-anchor="middle" class="axis">${escapeHtml(label)}</text>` +
      '</g>'
    );
  });
  return (
    `<svg id="distribution" role="img" aria-label="Score distribution" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line x1="0" y1="${bottom}" x2="${width}" y2="${bottom}" stroke="#888"/>${bars.join('')}</svg>`
  );
}

// Each check's bar splits the graded students: passed, failed, blocked (an earlier step missing), not checkable.
const SEGMENTS = [
  { status: 'PASS', label: 'passed', colour: '#2e7d32' },
  { status: 'FAIL', label: 'failed', colour: '#c62828' },
  { status: 'BLOCKED', label: 'blocked by an earlier step', colour: '#9aa5b1' },
  { status: 'ERROR', label: 'not checkable', colour: '#7e57c2' },
] as const;

// The longest title shown in full beside its bar; the whole title and the id are in the tooltip.
const TITLE_CHARACTERS = 52;

function shortTitle(title: string): string {
  const chars = Array.from(title);
  return chars.length <= TITLE_CHARACTERS ? title : `${chars.slice(0, TITLE_CHARACTERS - 1).join('')}…`;
}

function legend(): string {
  const items = SEGMENTS.map(({ label, colour }) => `<span class="key"><i style="background:${colour}"></i>${escapeHtml(label)}</span>`);
  return `<p class="legend">${items.join('')}</p>`;
}

function passRateBars(summary: ClassSummary): string {
  // Hardest first: the step most of the class is stuck on is at the top.
  const sorted = [...summary.checks].sort((a, b) => a.passRate - b.passRate || a.step - b.step);
  const graded = summary.counts.graded;
  const rowHeight = 24;
  const labelWidth = 400;
  const barWidth = 440;
  const height = sorted.length * rowHeight + 10;
  const rows = sorted.map((check, i) => {
    const y = i * rowHeight + 5;
    let x = labelWidth;
    const segments = SEGMENTS.map(({ status, colour }) => {
      const width = graded === 0 ? 0 : Math.round((check.counts[status] / graded) * barWidth);
      const rect = width === 0 ? '' : `<rect class="${status.toLowerCase()}" x="${x}" y="${y + 3}" width="${width}" height="${rowHeight - 8}" fill="${colour}"/>`;
      x += width;
      return rect;
    });
    const tooltip =
      `${check.step}. ${check.title} (${check.id}): ${check.counts.PASS} passed, ${check.counts.FAIL} failed, ` +
      `${check.counts.BLOCKED} blocked, ${check.counts.ERROR} not checkable`;
    return (
      `<g class="check-bar" data-check="${escapeHtml(check.id)}" data-pass-rate="${check.passRate}" data-pass="${check.counts.PASS}" ` +
      `data-fail="${check.counts.FAIL}" data-blocked="${check.counts.BLOCKED}" data-error="${check.counts.ERROR}">` +
      `<title>${escapeHtml(tooltip)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(`${check.step}. ${shortTitle(check.title)}`)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${rowHeight - 8}" fill="#eee"/>` +
      segments.join('') +
      `<text x="${labelWidth + barWidth + 8}" y="${y + 15}" class="count">${escapeHtml(`${check.counts.PASS}/${graded} · ${percentText(check.passRate)}`)}</text>` +
      '</g>'
    );
  });
  const width = labelWidth + barWidth + 110;
  return `${legend()}<svg id="pass-rates" role="img" aria-label="Pass rate per check" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}</svg>`;
}

/** The student's own file, relative to summary.html: the report, or the full reason they were not graded. */
function studentLink(outcome: StudentOutcome, text: string): string {
  const file = outcome.status === 'graded' ? REPORT_FILE : ERROR_FILE;
  const href = [STUDENTS_DIR, outcome.student.studentId, file].map(encodeURIComponent).join('/');
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function errorTable(record: ClassRecord): string {
  const failed = record.done.filter((outcome) => outcome.status === 'error');
  if (failed.length === 0) return '<p>Every student was graded.</p>';
  const rows = failed.map(
    (outcome) =>
      `<tr><td>${escapeHtml(outcome.student.studentId)}</td><td>${escapeHtml(outcome.student.name ?? '')}</td><td>${escapeHtml(outcome.student.accountId)}</td>` +
      `<td>${escapeHtml(causeFor(outcome))} (${studentLink(outcome, 'full text')})</td></tr>`,
  );
  return `<table id="errors"><thead><tr><th>Student</th><th>Name</th><th>Account</th><th>Why not graded</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function statusText(outcome: StudentOutcome): string {
  if (outcome.status === 'error') return `not graded: ${causeFor(outcome)}`;
  return outcome.completeness === 'incomplete' ? 'graded (incomplete: some checks could not be observed)' : 'graded';
}

function classTable(record: ClassRecord): string {
  const rows = record.done.map((outcome) => {
    const percent = percentOf(outcome);
    const score = outcome.score === null ? '' : `${outcome.score} / ${outcome.maxScore}`;
    return (
      `<tr class="${outcome.status}"><td>${studentLink(outcome, outcome.student.studentId)}</td><td>${escapeHtml(outcome.student.name ?? '')}</td>` +
      `<td class="num">${escapeHtml(score)}</td><td class="num">${percent === null ? '' : `${percent}%`}</td><td>${escapeHtml(statusText(outcome))}</td></tr>`
    );
  });
  const pending = record.pending.map(
    (student) => `<tr class="pending"><td>${escapeHtml(student.studentId)}</td><td>${escapeHtml(student.name ?? '')}</td><td></td><td></td><td>not graded yet</td></tr>`,
  );
  return `<table id="class"><thead><tr><th>Student</th><th>Name</th><th>Score</th><th>%</th><th>Status</th></tr></thead><tbody>${[...rows, ...pending].join('')}</tbody></table>`;
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; color: #222; margin: 24px; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.facts { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.fact { background: #f3f5f8; border-radius: 6px; padding: 8px 14px; } .fact b { display: block; font-size: 20px; }
svg text { font: 12px system-ui, sans-serif; fill: #222; } svg .axis { fill: #555; font-size: 11px; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 3px 10px; border-bottom: 1px solid #ddd; }
td.num { text-align: right; white-space: nowrap; } tr.error td { color: #a40000; } tr.pending td { color: #777; }
svg .count { font-variant-numeric: tabular-nums; }
.legend { margin: 4px 0; } .key { margin-right: 16px; } .key i { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; }
`;

export function renderSummaryHtml(record: ClassRecord, summary: ClassSummary): string {
  const { counts, scores } = summary;
  const facts: [string, string | number][] = [
    ['students', counts.students],
    ['graded', counts.graded],
    ['could not be graded', counts.error],
    ['not graded yet', counts.pending],
    ['full marks', counts.fullMarks],
    ['mean score', scores ? `${scores.mean} / ${summary.maxScore}` : '–'],
    ['median score', scores ? `${scores.median} / ${summary.maxScore}` : '–'],
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`Class summary: ${summary.lab.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(summary.lab.title)}</h1>
<p>Class summary, lab ${escapeHtml(summary.lab.id)} version ${escapeHtml(summary.lab.version)}.</p>
<div class="facts">${facts.map(([label, value]) => `<div class="fact"><b>${escapeHtml(value)}</b>${escapeHtml(label)}</div>`).join('')}</div>
<h2>Score distribution (graded students, percent of the maximum)</h2>
${histogram(summary)}
<h2>Pass rate of each check, hardest first (passed / graded students)</h2>
${passRateBars(summary)}
<h2>The class</h2>
${classTable(record)}
<h2>Students who could not be graded</h2>
${errorTable(record)}
</body>
</html>
`;
}
