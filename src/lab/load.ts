// Loading a lab spec: the lab's own (its bundled document) by default, or an instructor's (--lab), validated before
// any grading.
import { InputError } from '../errors.js';
import { refuseDeeperThan } from '../json/depth.js';
import { readJsonFile } from '../json/file.js';
import { compileSchema, validateAgainst } from '../json/schema.js';
import schema from './lab.schema.json' with { type: 'json' };
import type { LabSpec } from './types.js';

/** A lab's own spec, built into the package (so the single-file bundle carries it), and its check ids. */
export interface BundledSpec {
  document: unknown;
  /** For messages: "the bundled lab spec (checks/lab.json)". */
  where: string;
  checkIds: readonly string[];
}

const validate = compileSchema(schema);
// The expected response body is compared with, and quoted beside, what the learner's function returns.
const MAX_SPEC_DEPTH = 32;

/** The points must price every check of the catalogue and nothing else (an instructor may rename or re-price). */
function checkPointsCoverCatalogue(spec: LabSpec, catalogueIds: readonly string[], where: string): void {
  const known = new Set(catalogueIds);
  const unknown = Object.keys(spec.points).filter((id) => !known.has(id));
  const unpriced = catalogueIds.filter((id) => !(id in spec.points));
  if (unknown.length === 0 && unpriced.length === 0) return;
  const problems = [
    unknown.length > 0 ? `/points names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a check' : 'are not checks'} of this lab-grader` : '',
    unpriced.length > 0 ? `/points has no points for ${unpriced.join(', ')}` : '',
  ].filter(Boolean);
  throw new InputError(
    `${where}: ${problems.join('; ')}. Every check id must appear in /points exactly once (give 0 points to leave a check out); ` +
      '"lab-grader checks" lists the ids.',
  );
}

/** The spec at `path`, else the bundled one; either must price exactly the bundle's checks. */
export async function readLabSpec(path: string | undefined, bundled: BundledSpec): Promise<LabSpec> {
  const where = path ?? bundled.where;
  const document = path === undefined ? structuredClone(bundled.document) : await readJsonFile(path, 'lab spec');
  refuseDeeperThan(document, MAX_SPEC_DEPTH, where, 'lab spec');
  // The bundled spec is checked against the schema once, by test/json-schemas.test.ts: compiling the schema at
  // every start of the CLI would cost more than the rest of loading it. An instructor's own spec is checked here.
  const spec = path === undefined ? (document as LabSpec) : validateAgainst<LabSpec>(validate, document, where, 'lab spec');
  checkPointsCoverCatalogue(spec, bundled.checkIds, where);
  return spec;
}
