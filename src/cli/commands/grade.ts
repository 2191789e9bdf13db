// lab-grader grade: collect (or load) a snapshot, evaluate the catalogue, write the reports.
import type { Argv } from 'yargs';
import { gradeSnapshot } from '../../engine/grade.js';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import type { LabSpec } from '../../lab/types.js';
import { DEFAULT_GRADE_TIMEOUT_SECONDS, gradeTimeoutMs } from '../../pipeline/grade-timeout.js';
import { withinDeadline } from '../../pipeline/deadline.js';
import type { Lab } from '../../pipeline/lab.js';
import { takeSnapshot, type ProbeSettings } from '../../pipeline/take-snapshot.js';
import { parseStageUrlOption, PASSWORD_ENV, resolveProbePassword } from '../../probes/index.js';
import { createProgress } from '../../report/progress.js';
import type { Snapshot } from '../../snapshot/types.js';
import { loadSnapshot } from '../../snapshot/validate.js';
import { resolveTarget, validateRegion } from '../../target/index.js';
import { emitResult } from '../emit-result.js';
import type { CliIo } from '../io.js';
import type { CommandModule } from '../command.js';
import { outputOptions, outputPlan, type OutputArgs } from '../output-options.js';

export interface GradeArgs extends OutputArgs {
  region?: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  endpointUrl?: string;
  password?: string;
  /** false for --no-probes. */
  probes?: boolean;
  stageUrl?: string;
  lab?: string;
  saveSnapshot?: string;
  fromSnapshot?: string;
  /** Seconds the live snapshot may take in all. */
  timeout?: number;
}

const PROBE_OPTIONS = ['password', 'stageUrl'] as const;
const LIVE_OPTIONS = ['region', 'profile', 'roleArn', 'externalId', 'endpointUrl', 'probes', 'timeout', ...PROBE_OPTIONS] as const;
const flag = (name: string): string => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
/** The flag as typed: the boolean `probes` is given as --no-probes. */
const typedFlag = (args: GradeArgs, name: (typeof LIVE_OPTIONS)[number]): string => (name === 'probes' && args.probes === false ? '--no-probes' : flag(name));

function probeSettings(args: GradeArgs, lab: LabSpec, io: CliIo): ProbeSettings | null {
  if (args.probes === false) {
    const unused = PROBE_OPTIONS.filter((name) => args[name] !== undefined);
    if (unused.length > 0) throw new InputError(`${unused.map(flag).join(' and ')} only serve the live probes, which --no-probes turns off: drop one or the other.`);
    return null;
  }
  return {
    password: resolveProbePassword(args.password, io.env, lab.password),
    ...(args.stageUrl === undefined ? {} : { stageUrl: parseStageUrlOption(args.stageUrl, '--stage-url') }),
  };
}

const DEFAULT_FORMATS = 'console';

async function liveSnapshot(args: GradeArgs, spec: LabSpec, lab: Lab, io: CliIo, quiet: boolean): Promise<Snapshot> {
  const region = args.region ?? spec.region;
  validateRegion(region);
  const probes = probeSettings(args, spec, io);
  const limitMs = gradeTimeoutMs(args.timeout);
  const target = resolveTarget({
    region,
    profile: args.profile,
    roleArn: args.roleArn,
    externalId: args.externalId,
    endpointUrl: args.endpointUrl,
  });
  const progress = createProgress(io.stderr, { tty: Boolean(io.stderr.isTTY) && !quiet });
  try {
    return await withinDeadline({ limitMs, flag: '--timeout', onCall: (event) => progress.onCall(event) }, ({ signal, onCall }) =>
      takeSnapshot(target, spec, lab, { probes, onCall, signal }),
    );
  } finally {
    progress.done();
  }
}

async function savedSnapshot(args: GradeArgs, path: string): Promise<Snapshot> {
  const live = LIVE_OPTIONS.filter((name) => args[name] !== undefined);
  if (live.length > 0) {
    throw new InputError(
      `--from-snapshot grades a saved snapshot without calling AWS, so ${live.map((name) => typedFlag(args, name)).join(', ')} cannot be used with it. Drop ${live.length > 1 ? 'those options' : 'that option'}, or drop --from-snapshot to grade the account live.`,
    );
  }
  return loadSnapshot(path);
}

export const gradeCommand: CommandModule<GradeArgs> = {
  command: 'grade',
  describe: 'Grade the lab in an AWS account (or a saved snapshot) and report every step',
  builder: (yargs) => {
    const withTarget = yargs
      .option('region', { type: 'string', describe: "AWS region of the lab's resources (default: the lab's, us-east-1)" })
      .option('profile', { type: 'string', describe: 'AWS CLI profile to take credentials from' })
      .option('role-arn', { type: 'string', describe: 'Role to assume in the graded account (read-only grading role)' })
      .option('external-id', { type: 'string', describe: 'ExternalId the role requires', implies: 'role-arn' })
      .option('endpoint-url', { type: 'string', describe: 'Send every AWS call and the probes to this endpoint (the sandbox, an emulator); default: the SDK\'s, e.g. $AWS_ENDPOINT_URL or the profile\'s endpoint_url' })
      .option('password', {
        type: 'string',
        describe: `The lab user's password for the sign-in probe (default: $${PASSWORD_ENV}, else the lab's). Other users can see it in the process list: prefer $${PASSWORD_ENV}`,
      })
      .option('probes', { type: 'boolean', describe: 'Sign in and call the API (default); --no-probes grades the configuration only' })
      .option('stage-url', { type: 'string', describe: "Call this stage URL (the resource path is appended) instead of the one derived from the API's id" })
      .option('lab', { type: 'string', describe: 'Lab spec JSON (default: the bundled spec of this lab)' });
    return outputOptions(withTarget, DEFAULT_FORMATS)
      .option('save-snapshot', { type: 'string', describe: 'Also save the collected evidence to this JSON file' })
      .option('timeout', { type: 'number', describe: `Seconds the whole live grade may take; past them it stops, naming the calls still running (default: ${DEFAULT_GRADE_TIMEOUT_SECONDS})` })
      .option('from-snapshot', { type: 'string', describe: 'Grade a saved snapshot instead of an account (no AWS at all)' })
      .example('$0 grade', 'grade the lab in the current account (AWS CloudShell: nothing to configure)')
      .example('$0 grade --format console,json,junit --out reports/', 'also write report.json and junit.xml')
      .example(`$0 grade --output json | jq .score`, 'the JSON report on stdout, nothing else there (same as --format json --out -)')
      .example('$0 grade --quiet --no-color', 'only what did not pass, and the score, uncoloured')
      .example('AWS_ENDPOINT_URL=http://127.0.0.1:4566 $0 grade', 'grade an emulator: every call and the probes go to the endpoint')
      .example(`${PASSWORD_ENV}='<password>' $0 grade`, 'grade when the test user has another password than the lab\'s')
      .example('$0 grade --from-snapshot fixtures/complete-lab/snapshot.json', 'grade a saved snapshot offline') as Argv<GradeArgs>;
  },
  async run(args, io, loadLab) {
    const plan = outputPlan(args, io, DEFAULT_FORMATS);
    const lab = await loadLab();
    const spec = await lab.loadSpec(args.lab);
    const snapshot = args.fromSnapshot ? await savedSnapshot(args, args.fromSnapshot) : await liveSnapshot(args, spec, lab, io, plan.quiet);
    if (snapshot.lab.id !== spec.id) {
      throw new InputError(`The snapshot was taken for the lab "${snapshot.lab.id}", but the lab spec is "${spec.id}". Grade it with the spec it was taken for (--lab).`);
    }
    if (args.saveSnapshot) {
      await writeFileAtomic(args.saveSnapshot, `${JSON.stringify(snapshot, null, 2)}\n`);
      if (!plan.quiet) io.stderr.write(`Saved the snapshot to ${args.saveSnapshot}\n`);
    }
    const result = gradeSnapshot(snapshot, spec, lab, { source: args.fromSnapshot ? 'snapshot' : 'live' });
    return emitResult(result, plan, io);
  },
};
