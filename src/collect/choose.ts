// Duplicates are real (a learner who ran a step twice has two pools of the lab's name): pick one and say why.
import type { Choice } from '../snapshot/types.js';

export interface Candidate {
  id: string;
  /** ISO date, or null when the service did not say. */
  createdDate: string | null;
}

export interface Preference {
  /** Candidates to prefer over the rest; the newest of them wins. */
  ids: ReadonlySet<string>;
  reason: Choice['reason'];
  /** Why the chosen one was preferred, for the note: "the one CognitoAuthorizer uses". */
  because: (id: string) => string;
}

export interface Chosen<T> {
  chosen: T;
  choice: Choice;
  /** For snapshot.notes when there was more than one candidate. */
  note: string | null;
}

/**
 * `kind` is plural ("user pools") and `name` the shared name, for the note:
 * "2 user pools are named MyAPIUserPool (a, b): grading b, the one CognitoAuthorizer uses."
 */
export function chooseCandidate<T>(
  kind: string,
  name: string,
  items: readonly [T, ...T[]],
  candidateOf: (item: T) => Candidate,
  preference?: Preference,
): Chosen<T> {
  const candidates = items.map((item) => ({ item, ...candidateOf(item) }));
  const ids = candidates.map((candidate) => candidate.id);
  if (items.length === 1) return { chosen: items[0], choice: { candidates: ids, chosen: ids[0] ?? '', reason: 'only-one' }, note: null };
  const preferred = preference ? candidates.filter((candidate) => preference.ids.has(candidate.id)) : [];
  const byPreference = preference !== undefined && preferred.length > 0;
  const chosen = newest(byPreference ? preferred : candidates);
  return {
    chosen: chosen.item,
    choice: { candidates: ids, chosen: chosen.id, reason: byPreference ? preference.reason : 'newest' },
    note:
      `${items.length} ${kind} are named ${name} (${ids.join(', ')}): ` +
      `grading ${chosen.id}, ${byPreference ? preference.because(chosen.id) : 'the newest'}.`,
  };
}

/** Latest createdDate; unknown dates lose; on a tie the later-listed one wins. `candidates` is not empty. */
function newest<C extends Candidate>(candidates: readonly C[]): C {
  return candidates.reduce((best, candidate) => ((candidate.createdDate ?? '') >= (best.createdDate ?? '') ? candidate : best));
}

/** map() that keeps the knowledge that the list is not empty. */
export function mapNonEmpty<T, U>(items: readonly [T, ...T[]], map: (item: T) => U): [U, ...U[]] {
  return [map(items[0]), ...items.slice(1).map(map)];
}
