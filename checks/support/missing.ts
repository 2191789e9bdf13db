// A lab resource not found by the lab's name: when the snapshot shows the likely cause, the FAIL names it. A
// near-miss name in the graded region that the learner's other work uses comes first, then the lab's name in
// another region, then a near-miss name alone. The verdict stays FAIL: the lab's names and region are the lab's.
import type { Evaluation, TemplateData } from '../../src/engine/types.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { NearMiss, Observed, Snapshot } from '../../src/snapshot/types.js';
import { failed } from './verdict.js';

/** What the collector found when the lab's name was missing (undefined: not looked for). */
export interface Elsewhere {
  nearMisses: Observed<NearMiss[]> | undefined;
  inRegions: string[] | undefined;
}

/**
 * The FAIL naming the likely cause, or null when there is none to name. `useOf` says what of the learner's
 * set-up uses a near miss, as template data for `nearMissInUse` (null: nothing does).
 */
export function missingBecause(
  elsewhere: Elsewhere,
  snapshot: Snapshot,
  lab: LabSpec,
  useOf: (nearMiss: NearMiss) => TemplateData | null = () => null,
): Evaluation | null {
  const nearMisses = elsewhere.nearMisses?.state === 'found' ? elsewhere.nearMisses.value : [];
  const nearData = ({ name, id }: NearMiss): TemplateData => ({ nearName: name, nearId: id });
  for (const nearMiss of nearMisses) {
    const use = useOf(nearMiss);
    if (use !== null) return failed('nearMissInUse', { ...nearData(nearMiss), ...use }, { nearMisses });
  }
  const [foundRegion, ...moreRegions] = elsewhere.inRegions ?? [];
  if (foundRegion !== undefined) {
    const foundRegions = moreRegions.length === 0 ? foundRegion : `${[foundRegion, ...moreRegions.slice(0, -1)].join(', ')} and ${moreRegions.at(-1)}`;
    const data = { region: snapshot.target.region, foundRegion, foundRegions, labRegion: lab.region };
    return failed('inOtherRegion', data, { inRegions: elsewhere.inRegions });
  }
  const [nearMiss] = nearMisses;
  return nearMiss === undefined ? null : failed('nearMiss', nearData(nearMiss), { nearMisses });
}

/** "found in us-west-2; the lab uses us-east-1; ...": the sentence's end every check shares. */
export const IN_OTHER_REGION = 'found in {{foundRegions}}; the lab uses {{labRegion}}; grade with --region {{foundRegion}} to check it there.';
