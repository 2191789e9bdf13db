// Names a learner likely meant as the lab's: the same but for case, or one character added, dropped or changed.
import type { NearMiss } from '../snapshot/types.js';
import { editDistance } from '../target/target.js';

export function isNearMiss(name: string, labName: string): boolean {
  return name !== labName && editDistance(name.toLowerCase(), labName.toLowerCase()) <= 1;
}

/** The items whose name is a near miss of `labName`, as NearMiss records. */
export function nearMissesOf<T>(items: readonly T[], labName: string, toNearMiss: (item: T) => NearMiss): NearMiss[] {
  return items.map(toNearMiss).filter((item) => isNearMiss(item.name, labName));
}
