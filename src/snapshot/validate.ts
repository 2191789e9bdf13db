// Loading and validating a saved snapshot (--from-snapshot, fixtures): a snapshot is input, so a bad one is an InputError.
import { InputError } from '../errors.js';
import { refuseDeeperThan } from '../json/depth.js';
import { readJsonFile } from '../json/file.js';
import { compileSchema, validateAgainst } from '../json/schema.js';
import schema from './snapshot.schema.json' with { type: 'json' };
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from './types.js';

const validate = compileSchema(schema);

function checkSchemaVersion(doc: unknown, where: string): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(`${where}: a snapshot must be a JSON object, but this file holds ${Array.isArray(doc) ? 'an array' : String(doc === null ? 'null' : typeof doc)}.`);
  }
  const version = (doc as Record<string, unknown>)['schemaVersion'];
  if (version === SNAPSHOT_SCHEMA_VERSION) return;
  const seen = version === undefined ? 'has no /schemaVersion' : `has /schemaVersion ${JSON.stringify(version)}`;
  throw new InputError(
    `${where}: this snapshot ${seen}, but this lab-grader reads snapshot schema version ${SNAPSHOT_SCHEMA_VERSION}; ` +
      'take the snapshot again with this lab-grader, or grade it with the version that wrote it.',
  );
}

// No snapshot lab-grader writes comes near this (AWS answers nest a few levels); the checks and the report writers
// recurse over the evidence, and a deeper document would overflow their stacks.
const MAX_SNAPSHOT_DEPTH = 64;

/** Saved before the grader read what the stage serves (GetExport): that evidence is missing, not wrong. */
export const NO_STAGE_DEFINITION_REASON = 'this snapshot was saved by an earlier lab-grader, which did not read what the stage serves (its export)';

/** `where` names the document in messages (its file path). */
export function validateSnapshot(doc: unknown, where: string): Snapshot {
  checkSchemaVersion(doc, where);
  refuseDeeperThan(doc, MAX_SNAPSHOT_DEPTH, where, 'lab-grader snapshot');
  const snapshot = validateAgainst<Snapshot>(validate, doc, where, 'lab-grader snapshot');
  snapshot.apigateway.stageDefinition ??= { state: 'skipped', reason: NO_STAGE_DEFINITION_REASON };
  return snapshot;
}

export async function loadSnapshot(path: string): Promise<Snapshot> {
  return validateSnapshot(await readJsonFile(path, 'snapshot'), path);
}
