// --state-dir: every Persistable service's state as <dir>/<service>.json, loaded at start, saved shortly
// after mutations and on stop. Writes go to a temp file first so a crash never leaves half a file.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { Persistable } from './service.js';

const SAVE_DELAY_MS = 100;

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
      for (const [name, service] of this.services) {
        const target = this.file(name);
        const temp = `${target}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify(service.exportState()));
        await rename(temp, target);
      }
    });
    return this.saving;
  }
}
