// --state-dir: every Persistable service's state as <dir>/<service>.json, loaded at start, saved shortly
// after mutations and on stop. Every file is one versioned document, `{ "version": N, ...members }`,
// written and read through versionedState(), so the services share one format and one set of messages.

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { Persistable } from './service.js';

const SAVE_DELAY_MS = 100;

/** A service's state document: the version it was written with, and members that are JSON objects. */
export interface StateFormat<T extends object> {
  /** Named in messages: 'lambda'. */
  service: string;
  version: number;
  /** The members of the document besides `version`; each must be a JSON object. */
  members: readonly (keyof T & string)[];
  /** Reads a document written before the files carried a version (no `version` member). */
  unversioned?: (document: Record<string, unknown>) => T;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The Persistable face of a service's state: `read` gives the live state, `write` replaces it. Both directions
 * deep-copy, so a saved snapshot never changes with later requests and a loaded one is the service's own.
 */
export function versionedState<T extends object>(format: StateFormat<T>, read: () => T, write: (state: T) => void): Persistable {
  const expected = `{ "version": ${format.version}, ${format.members.map((member) => `"${member}": {...}`).join(', ')} }`;
  const refuse = (reason: string) => new Error(`${format.service} state: not a version ${format.version} state document (${reason}; expected ${expected})`);
  return {
    exportState: () => structuredClone({ version: format.version, ...read() }),
    importState(document) {
      if (!isObject(document)) throw refuse('not a JSON object');
      if (!Object.hasOwn(document, 'version') && format.unversioned) {
        write(structuredClone(format.unversioned(document)));
        return;
      }
      if (document.version !== format.version) throw refuse(`version ${JSON.stringify(document.version ?? null)}`);
      const missing = format.members.find((member) => !isObject(document[member]));
      if (missing !== undefined) throw refuse(`"${missing}" is not an object`);
      write(structuredClone(Object.fromEntries(format.members.map((member) => [member, document[member]])) as T));
    },
  };
}

export class StateStore {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly services: ReadonlyMap<string, Persistable>,
  ) {}

  private file(name: string): string {
    return join(this.dir, `${name}.json`);
  }

  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const [name, service] of this.services) {
      let text: string;
      try {
        text = await readFile(this.file(name), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      try {
        service.importState(JSON.parse(text));
      } catch (error) {
        throw new InputError(`Sandbox state file ${this.file(name)} is not valid: ${(error as Error).message}`);
      }
    }
  }

  /** Debounced: a burst of writes costs one save. */
  scheduleSave(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().catch((error: unknown) => console.error(`sandbox: could not save state: ${(error as Error).message}`));
    }, SAVE_DELAY_MS);
  }

  /** Saves now, after any save in progress; for stop(). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }

  private save(): Promise<void> {
    this.saving = this.saving.catch(() => undefined).then(async () => {
      for (const [name, service] of this.services) await writeFileAtomic(this.file(name), JSON.stringify(service.exportState()));
    });
    return this.saving;
  }
}
