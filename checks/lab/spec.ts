// The lab's own spec, built into the package (so the single-file bundle carries it).
import document from '../lab.json' with { type: 'json' };

export const BUNDLED_LAB_SPEC: unknown = document;
export const BUNDLED_LAB_SPEC_WHERE = 'the bundled lab spec (checks/lab.json)';
