// Loading the lab spec: checks/lab.json by default, or an instructor's own (--lab), validated before any grading.
import { fileURLToPath } from 'node:url';
import { catalogue } from '../../checks/index.js';
import { InputError } from '../errors.js';
import { readJsonFile } from '../snapshot/json-file.js';
import { compileSchemaFile, validateAgainst } from '../snapshot/json-schema.js';
import type { LabSpec } from './types.js';

/** The lab this package grades, found beside the package's code (not in the current directory). */
export const DEFAULT_LAB_SPEC_PATH = fileURLToPath(new URL('../../checks/lab.json', import.meta.url));

const validate = compileSchemaFile(new URL('./lab.schema.json', import.meta.url));

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

export async function loadLabSpec(
  path: string = DEFAULT_LAB_SPEC_PATH,
  catalogueIds: readonly string[] = catalogue.map((check) => check.meta.id),
): Promise<LabSpec> {
  const spec = validateAgainst<LabSpec>(validate, await readJsonFile(path, 'lab spec'), path, 'lab spec');
  checkPointsCoverCatalogue(spec, catalogueIds, path);
  return spec;
}
