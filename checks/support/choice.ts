// When several resources carry the lab's name, the PASS message says which one was graded and why.
import type { TemplateData } from '../../src/engine/types.js';
import type { Choice } from '../../src/snapshot/types.js';

const REASONS: Record<Choice['reason'], string> = {
  'only-one': 'it is the only one',
  'referenced-by-authorizer': "the API's authorizer uses it",
  'referenced-by-integration': 'the GET integration invokes it',
  'has-lab-stage': 'it is the newest that has the lab\'s stage',
  newest: 'it is the newest',
};

/** Template data for a choice among several candidates; null when there was nothing to choose. */
export function choiceData(choice: Choice | null): TemplateData | null {
  if (!choice || choice.candidates.length < 2) return null;
  return { candidates: choice.candidates.join(', '), candidateCount: choice.candidates.length, choiceReason: REASONS[choice.reason] };
}

/** The sentence tail every "exists" check appends when a choice was made. */
export const CHOSEN_SUFFIX = '{{candidateCount}} have this name ({{candidates}}), and this one was graded because {{choiceReason}}.';
