// lab-grader explain <check-id>: what a check verifies, why, and how to fix it.
import type { Argv } from 'yargs';
import { stepTitle } from '../../engine/steps.js';
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

function fixCommands(fix: Remediation): string[] {
  return [...(fix.commands ?? []), ...(fix.afterAll ? [fix.afterAll] : [])].map((command) => `  ${command}`);
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
    const lines = [
      `${meta.id}: ${meta.title}`,
      `  ${stepTitle(meta.step, lab.stepTitles)} · ${spec.points[meta.id] ?? 0} points · severity ${meta.severity} · ${meta.kind === 'probe' ? 'live probe' : 'inspects configuration'}`,
      `  Depends on: ${meta.dependsOn.length ? meta.dependsOn.join(', ') : 'nothing'}`,
      `  Reads: ${meta.permissions.join(', ') || 'nothing from AWS'}`,
      `  Docs: ${meta.docs}`,
      '',
      'Outcomes:',
      ...Object.entries(meta.messages).map(([id, text]) => `  ${id}: ${text}`),
      '',
      `Fix: ${meta.remediation.text}`,
      ...fixCommands(meta.remediation),
      ...Object.entries(meta.remediation.byMessage ?? {}).flatMap(([id, fix]) => [`Fix when ${id}: ${fix.text}`, ...fixCommands(fix)]),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
