// The Lambda runner: runs a function version's handler in a warm worker process, as Lambda would, for the
// sandbox's Invoke API and API Gateway data plane.

import { randomUUID } from 'node:crypto';
import { AwsError } from '../service.js';
import { sandboxErrorPayload } from './errors.js';
import { LOG_TAIL_BYTES, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES } from './limits.js';
import { endAndReportLines, startLine } from './log-lines.js';
import { WorkerPool } from './pool.js';
import { resolveRuntime } from './runtimes.js';
import type { FunctionSpec, InvokeOptions, InvokeResult, LambdaRunner, RunnerOptions } from './types.js';
import { Worker } from './worker.js';

export function createLambdaRunner(options: RunnerOptions = {}): LambdaRunner {
  const maxWarmWorkers = options.maxWarmWorkers ?? 10;
  const idleMs = options.idleMs ?? 300_000;
  const commands = { python: options.pythonCommand ?? 'python3', node: options.nodeCommand ?? process.execPath };
  const limits = {
    logTailBytes: options.logTailBytes ?? LOG_TAIL_BYTES,
    maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
  };
  const pools = new Map<string, WorkerPool>();
  let stopped = false;

  // Workers never outlive the sandbox process, even when it exits without stop().
  const killAllOnExit = (): void => {
    for (const pool of pools.values()) pool.closeSync();
  };
  process.on('exit', killAllOnExit);

  const poolFor = (key: string): WorkerPool => {
    let pool = pools.get(key);
    if (!pool) {
      const created = new WorkerPool(maxWarmWorkers, idleMs, () => {
        if (pools.get(key) === created) pools.delete(key);
      });
      pools.set(key, created);
      pool = created;
    }
    return pool;
  };

  return {
    async invoke(fn: FunctionSpec, event: unknown, invokeOptions: InvokeOptions = {}): Promise<InvokeResult> {
      if (stopped) throw new Error('The Lambda runner is stopped');
      const requestId = invokeOptions.requestId ?? randomUUID();
      const eventBytes = encodeEvent(event);
      if (eventBytes.length > MAX_REQUEST_BYTES) {
        throw new AwsError(
          'RequestTooLargeException',
          `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`,
          413,
        );
      }
      const runtime = resolveRuntime(fn.runtime, commands);
      if (!runtime.ok) return unrunnable(fn, requestId, runtime.reason);
      const create = (): Worker => new Worker(fn, runtime.launch, limits);
      const pool = poolFor(fn.key);
      const worker = await pool.acquire(create);
      try {
        return await worker.invoke(requestId, eventBytes);
      } finally {
        pool.release(worker, create);
      }
    },

    async stop(): Promise<void> {
      stopped = true;
      await Promise.all([...pools.values()].map((pool) => pool.close(new Error('The Lambda runner stopped'))));
      pools.clear();
      process.off('exit', killAllOnExit);
    },
  };
}

/** A Uint8Array is already the JSON payload (Invoke's body); anything else is serialised. */
function encodeEvent(event: unknown): Uint8Array {
  if (event instanceof Uint8Array) return event;
  return Buffer.from(JSON.stringify(event) ?? 'null', 'utf8');
}

function unrunnable(fn: FunctionSpec, requestId: string, reason: string): InvokeResult {
  return {
    ok: false,
    functionError: 'Unhandled',
    payload: sandboxErrorPayload('Sandbox.RuntimeUnavailable', reason),
    sandboxError: reason,
    logTail: `${startLine(requestId)}${reason}\n${endAndReportLines(requestId, 0, fn.memoryMb, undefined)}`,
    durationMs: 0,
    cold: false,
    requestId,
  };
}
