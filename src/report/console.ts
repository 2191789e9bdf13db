// The console report: what a learner reads in CloudShell. Steps in lab order, what is missing and why, then
// "Next steps": the root causes and the exact commands that fix them, in the order to run them, printed so they
// can be copied as is (never wrapped, never coloured).
import { incompleteScoreMessage, NOT_OBSERVED_EXPLANATION } from '../engine/messages.js';
import type { CheckResult, CheckStatus, GradeResult, NextSteps } from '../engine/types.js';
import { createPalette, type Palette, type Style } from './ansi.js';
import {
  alsoExplains,
  causeLabel,
  causeName,
  causeOf,
  commandLabel,
  commandsHeading,
  hasNextSteps,
  NEEDS_HEADING,
  NEXT_STEPS_TITLE,
  uncheckedSentence,
} from './plan-text.js';
import { sanitizeBlock, sanitizeLine } from './sanitize.js';
import { clip, wrap } from './text-layout.js';

export interface ConsoleOptions {
  /** ANSI colours; the caller decides (--color, FORCE_COLOR, NO_COLOR, a terminal). */
  color: boolean;
  /** --quiet: only the checks that did not pass, the next steps, and the score. */
  quiet?: boolean;
  /** Columns to wrap prose to; commands are never wrapped. Default 80. */
  width?: number;
}

// Account-derived values can be arbitrarily long; the console shows the start, the JSON report has everything.
const MAX_TEXT = 400;
const DETAIL_INDENT = '      ';
const COMMAND_INDENT = '        ';

const MARKS: Record<CheckStatus, string> = { PASS: '✔ PASS', FAIL: '✘ FAIL', BLOCKED: '⊘ BLOCKED', ERROR: '! ERROR' };
const MARK_WIDTH = Math.max(...Object.values(MARKS).map((mark) => mark.length));

const text = (value: string): string => clip(sanitizeLine(value), MAX_TEXT);

function statusStyle(status: CheckStatus, palette: Palette): Style {
  return { PASS: palette.green, FAIL: palette.red, BLOCKED: palette.yellow, ERROR: palette.magenta }[status];
}

function header(result: GradeResult, palette: Palette): string[] {
  const { target } = result;
  const where = [`Account ${target.accountId === null ? 'unknown' : text(target.accountId)}`, `Region ${text(target.region)}`];
  if (target.endpoint !== null) where.push(`Endpoint ${text(target.endpoint)}`);
  const source =
    result.source === 'live'
      ? 'Graded live from the account'
      : `Graded from a saved snapshot taken ${text(result.snapshotTakenAt)}`;
  return [palette.bold(text(result.lab.title)), where.join(' · '), source];
}

/** The indented, unwrapped, uncoloured command lines: what the learner copies. */
function commandLines(cli: string): string[] {
  return sanitizeBlock(cli)
    .split('\n')
    .map((line) => COMMAND_INDENT + line);
}

function details(check: CheckResult, plan: NextSteps, palette: Palette, width: number): string[] {
  const prose = (value: string, style: Style = (line) => line): string[] =>
    wrap(value, width, DETAIL_INDENT).map(style);
  const fix = (label: string): string[] => {
    if (!check.remediation) return [];
    const lines = prose(`${label} ${text(check.remediation.text)}`);
    return [...lines, ...check.remediation.commands.flatMap(commandLines)];
  };
  switch (check.status) {
    case 'PASS':
      return check.remediation ? [...prose(text(check.message)), ...fix('Note:')] : [];
    case 'FAIL': {
      // Its commands are in "Next steps", once, in the order to run them with every other fix.
      const root = causeOf(plan, check.id);
      // A result whose plan leaves this failure out (not one the engine builds) keeps its own fix.
      if (root === undefined) return [...prose(text(check.message)), ...fix('Fix:')];
      const pointer = root === check.id ? 'Fix: see "Next steps" below.' : `Follows from ${text(root)}: fixed by "Next steps" below.`;
      return [...prose(text(check.message)), ...prose(pointer)];
    }
    case 'BLOCKED':
      return prose(text(check.message));
    case 'ERROR':
      return [
        ...prose(text(check.message)),
        ...prose(NOT_OBSERVED_EXPLANATION, palette.dim),
      ];
  }
}

/** Wraps text under a first-line prefix, continuation lines aligned after it. */
function hanging(prefix: string, prefixWidth: number, value: string, width: number): string[] {
  const indent = ' '.repeat(prefixWidth);
  const [first = '', ...rest] = wrap(value, width, indent);
  return [prefix + first.slice(prefixWidth), ...rest];
}

function checkLines(check: CheckResult, plan: NextSteps, palette: Palette, width: number): string[] {
  const mark = statusStyle(check.status, palette)(MARKS[check.status].padEnd(MARK_WIDTH));
  const points = `${check.points}/${check.maxPoints}`.padStart(5);
  const prefixWidth = 2 + MARK_WIDTH + 1 + points.length + 2;
  return [...hanging(`  ${mark} ${points}  `, prefixWidth, text(check.title), width), ...details(check, plan, palette, width)];
}

/**
 * The plan: each root cause once, with what it explains, then the numbered commands (each on a line of its own
 * under its number, so that a whole line can be copied), what they need, and what the plan could not cover.
 * Nothing when there is nothing to do.
 */
function nextSteps(plan: NextSteps, palette: Palette, width: number): string[] {
  if (!hasNextSteps(plan)) return [];
  const prose = (value: string, indent = DETAIL_INDENT): string[] => wrap(value, width, indent);
  const lines = ['', palette.bold(NEXT_STEPS_TITLE)];
  plan.causes.forEach((cause, index) => {
    const label = causeLabel(index, plan.causes.length);
    lines.push(...hanging(`  ${label} `, label.length + 3, text(causeName(cause)), width));
    lines.push(...prose(text(cause.message)));
    if (cause.fix) lines.push(...prose(`Fix: ${text(cause.fix)}`));
    if (cause.explains.length > 0) lines.push(...prose(text(alsoExplains(cause))));
  });
  if (plan.commands.length > 0) {
    lines.push('', `  ${commandsHeading(plan.commands.length)}`);
    plan.commands.forEach(({ command, checkIds }, index) => {
      lines.push(...wrap(text(commandLabel(index, checkIds)), width, '    ').map(palette.dim), ...commandLines(command));
    });
  }
  if (plan.needs.length > 0) {
    lines.push('', `  ${NEEDS_HEADING}`);
    for (const need of plan.needs) lines.push(...hanging('    • ', 6, text(need), width));
  }
  if (plan.unchecked.length > 0) {
    if (plan.causes.length > 0) lines.push('');
    lines.push(...prose(text(uncheckedSentence(plan.unchecked)), '  '));
  }
  return lines;
}

function summary(result: GradeResult, palette: Palette, width: number): string[] {
  const { counts } = result;
  const lines = [
    palette.bold(`Score: ${result.score}/${result.maxScore}`),
    `${counts.PASS} passed · ${counts.FAIL} failed · ${counts.BLOCKED} blocked · ${counts.ERROR} could not be checked`,
  ];
  if (result.completeness === 'incomplete') {
    const errored = result.checks.filter((check) => check.status === 'ERROR').map((check) => text(`"${check.title}" (${check.id})`));
    const incomplete = incompleteScoreMessage(errored);
    lines.push(...wrap(incomplete, width, '').map(palette.yellow));
  }
  return lines;
}

export function renderConsole(result: GradeResult, options: ConsoleOptions): string {
  const palette = createPalette(options.color);
  const width = Math.max(options.width ?? 80, 40);
  if (options.quiet) return renderQuiet(result, palette, width);
  const byId = new Map(result.checks.map((check) => [check.id, check]));
  const lines = header(result, palette);

  const shown = new Set<string>();
  const group = (title: string, checks: CheckResult[], points: string): void => {
    lines.push('', palette.bold(`${text(title)}  ${points}`));
    for (const check of checks) {
      shown.add(check.id);
      lines.push(...checkLines(check, result.plan, palette, width));
    }
  };
  for (const step of result.steps) {
    const checks = step.checkIds.flatMap((id) => byId.get(id) ?? []);
    group(step.title, checks, `${step.points}/${step.maxPoints}`);
  }
  // A check no step lists must still be shown, or a learner would lose points without a reason.
  const unlisted = result.checks.filter((check) => !shown.has(check.id));
  if (unlisted.length > 0) {
    const sum = (key: 'points' | 'maxPoints'): number => unlisted.reduce((total, check) => total + check[key], 0);
    group('Other checks', unlisted, `${sum('points')}/${sum('maxPoints')}`);
  }

  if (result.notes.length > 0) {
    lines.push('', palette.bold('Notes'));
    for (const note of result.notes) lines.push(...hanging('  • ', 4, text(note), width));
  }
  lines.push(...nextSteps(result.plan, palette, width), '', ...summary(result, palette, width));
  return `${lines.join('\n')}\n`;
}

/** Every check that did not pass and why, the next steps, then the score: nothing to read when all is well. */
function renderQuiet(result: GradeResult, palette: Palette, width: number): string {
  const failures = result.checks.filter((check) => check.status !== 'PASS').flatMap((check) => checkLines(check, result.plan, palette, width));
  const steps = nextSteps(result.plan, palette, width);
  // nextSteps opens with a blank line: the failures need no second one before it.
  const lines = failures.length > 0 ? [...failures, ...steps, ''] : [];
  return `${[...lines, ...summary(result, palette, width)].join('\n')}\n`;
}
