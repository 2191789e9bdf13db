// The workers of one function version: reused while warm, one invocation each at a time, at most
// maxWorkers of them; further invocations wait for one to free up. Idle workers are stopped after idleMs.

import type { Worker } from './worker.js';

interface Waiter {
  resolve(worker: Worker): void;
  reject(error: Error): void;
}

export class WorkerPool {
  private readonly workers = new Set<Worker>();
  /** Most recently used last: the warmest worker serves next. */
  private idle: Worker[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();

  constructor(
    private readonly maxWorkers: number,
    private readonly idleMs: number,
    /** Called when the pool holds no worker any more, so the runner can forget it (and its code). */
    private readonly onEmpty: () => void,
  ) {}

  acquire(create: () => Worker): Promise<Worker> {
    for (let worker = this.idle.pop(); worker; worker = this.idle.pop()) {
      this.clearIdleTimer(worker);
      if (worker.alive) return Promise.resolve(worker);
      this.discard(worker);
    }
    if (this.workers.size < this.maxWorkers) return Promise.resolve(this.add(create()));
    return new Promise((resolve, reject) => this.waiters.push({ resolve: (worker) => resolve(worker), reject }));
  }

  /** Hands the worker back after an invocation; `create` replaces it for a waiter if it died. */
  release(worker: Worker, create: () => Worker): void {
    if (!worker.alive) {
      this.discard(worker);
      const waiter = this.waiters.shift();
      if (waiter) waiter.resolve(this.add(create()));
      else if (this.workers.size === 0) this.onEmpty();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) return waiter.resolve(worker);
    this.idle.push(worker);
    const timer = setTimeout(() => {
      this.idle = this.idle.filter((candidate) => candidate !== worker);
      this.discard(worker);
      if (this.workers.size === 0) this.onEmpty();
    }, this.idleMs);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }

  /** Stops every worker; they stay listed until gone, so the exit hook still sees them meanwhile. */
  async close(reason: Error): Promise<void> {
    for (const waiter of this.waiters.splice(0)) waiter.reject(reason);
    for (const worker of this.workers) this.clearIdleTimer(worker);
    this.idle = [];
    await Promise.all([...this.workers].map((worker) => worker.dispose()));
    this.workers.clear();
  }

  closeSync(): void {
    for (const worker of this.workers) worker.disposeSync();
  }

  private add(worker: Worker): Worker {
    this.workers.add(worker);
    return worker;
  }

  private discard(worker: Worker): void {
    this.clearIdleTimer(worker);
    this.workers.delete(worker);
    void worker.dispose();
  }

  private clearIdleTimer(worker: Worker): void {
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
  }
}
