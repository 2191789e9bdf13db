// A lab activity's heading, as every report shows it.
export function stepTitle(step: number, titles: Readonly<Record<number, string>>): string {
  return `Activity ${step}: ${titles[step] ?? 'Other checks'}`;
}
