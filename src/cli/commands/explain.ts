// lab-grader explain <check-id>: what a check verifies, why, and how to fix it. Its messages and fixes are shown
// filled with the lab's names and, for the learner's IDs, LAB.md's shell variables ($API_ID, ...), as a grade
// that could not see the account would print them; a value only a grade observes is named for what it is.
import type { Argv } from 'yargs';
import { fixCommands } from '../../engine/remediation.js';
import { stepTitle } from '../../engine/steps.js';
import { placeholders, renderCommand, renderTemplate, type TemplateValues } from '../../engine/template.js';
import { InputError } from '../../errors.js';
import type { CommandModule } from '../command.js';
import type { Remediation } from '../../engine/types.js';
import { EXIT } from '../exit-codes.js';

interface ExplainArgs {
  checkId: string;
  lab?: string;
}

/** The ids sharing the most words with what was typed, to suggest on a typo. */
function closest(typed: string, ids: string[]): string[] {
  const words = new Set(typed.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  return ids
    .map((id) => ({ id, shared: id.split('-').filter((word) => words.has(word)).length }))
    .filter((candidate) => candidate.shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, 3)
    .map((candidate) => candidate.id);
}

/** A template's placeholders that `known` has no value for: what a grade reads from the account it grades. */
function observedOnly(template: string, known: TemplateValues): string[] {
  return placeholders(template).filter((name) => renderTemplate(`{{${name}}}`, known) === `{{${name}}}`);
}

/** "firstOpenResourceId" -> "$FIRST_OPEN_RESOURCE_ID": in a command, an observed value stands as a shell variable. */
const shellVariable = (name: string): string => `$${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/\W/g, '_').toUpperCase()}`;

/** An observed value: `<name>` in a sentence, a shell variable in a command. */
function standIns(template: string, known: TemplateValues, show: (name: string) => string): TemplateValues {
  return Object.fromEntries(observedOnly(template, known).map((name) => [name, show(name)]));
}

const prose = (template: string, known: TemplateValues): string =>
  renderTemplate(template, { ...known, ...standIns(template, known, (name) => `<${name}>`) });

const command = (template: string, known: TemplateValues): string =>
  renderCommand(template, { ...known, ...standIns(template, known, shellVariable) });

function fixLines(label: string, fix: Remediation, known: TemplateValues): string[] {
  const commands = fixCommands(fix);
  return [
    `${label} ${prose(fix.text, known)}`,
    ...commands.map((template) => `  ${command(template, known)}`),
    ...(fix.needs ?? []).map((need) => `  Before you run ${commands.length > 1 ? 'them' : 'it'}: ${need}`),
  ];
}

/** What the variables in the commands stand for; nothing when there is no command. */
function legend(fixes: Remediation[], known: TemplateValues): string[] {
  const commands = fixes.flatMap(fixCommands);
  if (commands.length === 0) return [];
  const lines = ['', "In the commands, $API_ID and the like are LAB.md's shell variables: a grade prints your own IDs in their place."];
  const observed = [...new Set(commands.flatMap((template) => observedOnly(template, known)).map(shellVariable))];
  if (observed.length > 0) lines.push(`${observed.join(', ')}: a grade fills ${observed.length > 1 ? 'these' : 'this'} in from what it sees in your account.`);
  return lines;
}

export const explainCommand: CommandModule<ExplainArgs> = {
  command: 'explain <check-id>',
  describe: 'Explain one check: what it verifies, its messages and its fix',
  builder: (yargs) =>
    yargs
      .positional('check-id', { type: 'string', demandOption: true, describe: 'A check id (see "lab-grader checks")' })
      .option('lab', { type: 'string', describe: 'Lab spec JSON (default: the bundled spec)' })
      .example('$0 explain <check-id>', 'what the check verifies, its outcomes and its fix ("lab-grader checks" lists the ids)') as unknown as Argv<ExplainArgs>,
  async run(args, io, loadLab) {
    const lab = await loadLab();
    const spec = await lab.loadSpec(args.lab);
    const check = lab.catalogue.find(({ meta }) => meta.id === args.checkId);
    if (!check) {
      const ids = lab.catalogue.map(({ meta }) => meta.id);
      const suggestions = closest(args.checkId, ids);
      throw new InputError(
        `There is no check "${args.checkId}".${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''} Run "lab-grader checks" to list all ${ids.length} checks.`,
      );
    }
    const { meta } = check;
    const known = { ...lab.shellVariables, names: spec.names, expected: spec.expected } as unknown as TemplateValues;
    const byMessage = Object.entries(meta.remediation.byMessage ?? {});
    const lines = [
      `${meta.id}: ${meta.title}`,
      `  ${stepTitle(meta.step, lab.stepTitles)} · ${spec.points[meta.id] ?? 0} points · severity ${meta.severity} · ${meta.kind === 'probe' ? 'live probe' : 'inspects configuration'}`,
      `  Depends on: ${meta.dependsOn.length ? meta.dependsOn.join(', ') : 'nothing'}`,
      `  Reads: ${meta.permissions.join(', ') || 'nothing from AWS'}`,
      `  Docs: ${meta.docs}`,
      '',
      'Outcomes:',
      ...Object.entries(meta.messages).map(([id, text]) => `  ${id}: ${prose(text, known)}`),
      '',
      ...fixLines('Fix:', meta.remediation, known),
      ...byMessage.flatMap(([id, fix]) => fixLines(`Fix when ${id}:`, fix, known)),
      ...legend([meta.remediation, ...byMessage.map(([, fix]) => fix)], known),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
