// One execution environment: a child process running one function version's bootstrap, serving one
// invocation at a time. A timeout or stop kills whatever the handler spawned too (process-tree.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { functionEnvironment } from './environment.js';
import { exitErrorPayload, responseTooLargePayload, sandboxErrorPayload, timeoutLogLine, timeoutPayload } from './errors.js';
import { INIT_LIMIT_MS, PIPE_GRACE_MS, STOP_LIMIT_MS } from './limits.js';
import { killProcessTree } from './process-tree.js';
import { EndMarkerScanner, LogTail } from './log-capture.js';
import { endAndReportLines, startLine } from './log-lines.js';
import { encodeFrame, FrameDecoder, type Frame, type InvokeHeader, type ReadyHeader, type ResultHeader } from './protocol.js';
import type { RuntimeLaunch } from './runtimes.js';
import type { FunctionSpec, InvokeFailure, InvokeResult } from './types.js';
import { InvalidPackageError, unzipTo } from './unzip.js';

export interface WorkerLimits {
  logTailBytes: number;
  maxResponseBytes: number;
}

/** What the worker is waiting for while an invocation runs. */
interface Pending {
  log: LogTail;
  onFrame(frame: Frame<ResultHeader>): void;
  onClosed(code: number | null, signal: NodeJS.Signals | null): void;
}

class StartError extends Error {
  constructor(
    readonly errorType: 'Sandbox.RuntimeUnavailable' | 'Sandbox.InvalidCode',
    message: string,
  ) {
    super(message);
  }
}

// Room for the frame header around the largest payload the bootstrap may send.
const FRAME_HEADER_ALLOWANCE = 64 * 1024;

/** What a failed result says beyond its payload. */
type FailureDetail = Pick<InvokeFailure, 'timedOut' | 'sandboxError'>;

export class Worker {
  private child: ChildProcess | undefined;
  private channel: Socket | undefined;
  private folder: string | undefined;
  private invocations = 0;
  private usable = true;
  private pending: Pending | null = null;
  private hasClosed = false;
  /** Reaped: its pid may be reused, so it is never signalled again. */
  private hasExited = false;
  private removal: Promise<void> | undefined;
  private starting: Promise<void> | undefined;
  /** Settles when the bootstrap has finished init (or the process is gone). */
  private readonly initDone: Promise<void>;
  private markInitDone!: () => void;
  private readonly closed: Promise<void>;
  private markClosed!: () => void;
  private readonly stdout = new EndMarkerScanner((data) => this.pending?.log.append(data));
  private readonly stderr = new EndMarkerScanner((data) => this.pending?.log.append(data));

  constructor(
    private readonly fn: FunctionSpec,
    private readonly launch: RuntimeLaunch,
    private readonly limits: WorkerLimits,
  ) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    this.initDone = new Promise((resolve) => (this.markInitDone = resolve));
  }

  /** False once the process has exited, been killed, or reported a failure it cannot serve past. */
  get alive(): boolean {
    return this.usable;
  }

  async invoke(requestId: string, event: Uint8Array): Promise<InvokeResult> {
    const cold = this.invocations++ === 0;
    const startedAt = performance.now();
    const log = new LogTail(this.limits.logTailBytes);
    log.append(startLine(requestId));
    const finish = (ok: boolean, payload: string, failure: FailureDetail = {}): InvokeResult => {
      const durationMs = performance.now() - startedAt;
      log.append(endAndReportLines(requestId, durationMs, this.fn.memoryMb, this.child?.pid));
      const outcome = { payload, logTail: log.toString(), durationMs, cold, requestId };
      return ok ? { ok: true, ...outcome } : { ok: false, functionError: 'Unhandled', ...outcome, ...failure };
    };
    if (cold) {
      try {
        this.starting = this.start();
        await this.starting;
      } catch (error) {
        this.kill();
        const failure =
          error instanceof StartError
            ? error
            : new StartError('Sandbox.RuntimeUnavailable', `Could not prepare the worker: ${(error as Error).message}`);
        log.append(`${failure.message}\n`);
        return finish(false, sandboxErrorPayload(failure.errorType, failure.message), { sandboxError: failure.message });
      }
    }
    if (cold && !(await this.initWithinLimit())) {
      this.kill();
      const elapsedMs = performance.now() - startedAt;
      const now = new Date();
      log.append(`${timeoutLogLine(requestId, elapsedMs, now)}\n`);
      return finish(false, timeoutPayload(requestId, elapsedMs, now), { timedOut: true });
    }
    // Died while idle (between the pool's check and now): report it rather than write to a closed channel.
    if (this.hasClosed) return finish(false, exitErrorPayload(requestId, null, 'SIGKILL'));
    return new Promise((resolve) => this.run(requestId, event, log, (ok, payload, failure) => resolve(finish(ok, payload, failure))));
  }

  /** Kills the worker and what it started now; the folder goes once the process is gone. */
  kill(): void {
    this.usable = false;
    const pid = this.child?.pid;
    if (pid === undefined || this.hasExited) return;
    killProcessTree(pid, `LAMBDA_TASK_ROOT=${this.taskRoot()}`);
  }

  /** Kills the worker and resolves once its process is gone and its folder removed, within STOP_LIMIT_MS. */
  async dispose(): Promise<void> {
    this.kill();
    // A start under way finishes first (and, seeing the kill, spawns nothing), so its folder is known.
    await this.starting?.catch(() => undefined);
    if (this.child?.pid !== undefined && !this.hasClosed) {
      // Hold the event loop open until the process is really gone: stop() promises exactly that.
      this.child.ref();
      for (const stream of this.streams()) stream.ref();
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_LIMIT_MS)));
      await Promise.race([this.closed, limit]);
      clearTimeout(timer);
      // Whatever still holds the worker's pipes escaped the kill: stop listening to it.
      this.releasePipes();
    }
    await this.removeFolder();
  }

  /** For the process 'exit' hook, where nothing asynchronous runs any more. */
  disposeSync(): void {
    this.kill();
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }

  private async start(): Promise<void> {
    this.folder = await mkdtemp(join(tmpdir(), 'lab-grader-lambda-'));
    const taskRoot = this.taskRoot();
    const runtimeDir = join(this.folder, 'runtime');
    await mkdir(taskRoot);
    await mkdir(runtimeDir);
    try {
      await unzipTo(this.fn.zip, taskRoot);
    } catch (error) {
      if (error instanceof InvalidPackageError) throw new StartError('Sandbox.InvalidCode', error.message);
      throw error;
    }
    const bootstrap = join(runtimeDir, this.launch.bootstrapFile);
    await writeFile(bootstrap, this.launch.bootstrapSource);
    if (!this.usable) throw new StartError('Sandbox.RuntimeUnavailable', 'The worker was stopped while starting.');

    const child = spawn(this.launch.command, [...this.launch.args, bootstrap], {
      cwd: taskRoot,
      env: functionEnvironment(this.fn, taskRoot, runtimeDir),
      // fd 3 is the protocol channel; stdout and stderr are the function's log.
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so that killing -pid reaches everything the handler started.
      detached: true,
    });
    this.child = child;
    if (child.pid === undefined) {
      const [error] = (await once(child, 'error')) as [Error];
      throw new StartError(
        'Sandbox.RuntimeUnavailable',
        `Runtime ${this.launch.runtime} cannot run here: '${this.launch.command}' could not be started (${error.message}).`,
      );
    }
    this.wire(child);
  }

  private wire(child: ChildProcess): void {
    const channel = child.stdio[3];
    if (!(channel instanceof Socket)) throw new Error('worker channel is not a socket');
    this.channel = channel;
    const decoder = new FrameDecoder<ResultHeader | ReadyHeader>(this.limits.maxResponseBytes + FRAME_HEADER_ALLOWANCE);
    channel.on('data', (chunk: Buffer) => {
      try {
        for (const frame of decoder.push(chunk)) {
          if (frame.header.type === 'ready') this.markInitDone();
          else this.pending?.onFrame({ header: frame.header, body: frame.body });
        }
      } catch {
        this.kill(); // A bootstrap that breaks the protocol is not trusted further; the exit path reports it.
      }
    });
    channel.on('error', () => this.kill());
    child.stdout?.on('data', (chunk: Buffer) => this.stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    child.on('exit', () => {
      this.kill(); // also what the handler left behind
      this.hasExited = true;
      // 'close' waits for the pipes, which a process that escaped the kill may hold open forever.
      setTimeout(() => this.releasePipes(), PIPE_GRACE_MS).unref();
    });
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      this.usable = false;
      this.hasClosed = true;
      this.markInitDone();
      this.stdout.flush();
      this.stderr.flush();
      this.pending?.onClosed(code, signal);
      this.markClosed();
      void this.removeFolder();
    });
    // An idle worker must not keep the sandbox process alive; a running invocation's timer does.
    child.unref();
    for (const stream of this.streams()) stream.unref();
  }

  /** The function's folder: unique to this worker, and in the environment of every process it starts. */
  private taskRoot(): string {
    return join(this.folder ?? '', 'task');
  }

  private releasePipes(): void {
    for (const stream of this.streams()) stream.destroy();
  }

  private streams(): Socket[] {
    const child = this.child;
    if (!child) return [];
    return [child.stdio[1], child.stdio[2], child.stdio[3]].filter((stream) => stream instanceof Socket);
  }

  /** Init has its own limit in Lambda; the function's timeout starts with the invocation. */
  private async initWithinLimit(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), INIT_LIMIT_MS)));
    try {
      return await Promise.race([this.initDone.then(() => true as const), limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  private run(
    requestId: string,
    event: Uint8Array,
    log: LogTail,
    settle: (ok: boolean, payload: string, failure?: FailureDetail) => void,
  ): void {
    const endMarker = `\u0000lambda-runner-end:${randomBytes(12).toString('hex')}\u0000`;
    let result: Frame<ResultHeader> | undefined;
    let markersDue = 2;
    let settled = false;
    const done = (ok: boolean, payload: string, failure?: FailureDetail): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.pending = null;
      settle(ok, payload, failure);
    };
    const fromResult = (frame: Frame<ResultHeader>): void => {
      if (frame.header.tooLargeBytes !== undefined) done(false, responseTooLargePayload(this.limits.maxResponseBytes));
      else done(frame.header.ok, frame.body.toString('utf8'));
    };
    const completeIfAllIn = (): void => {
      if (result && markersDue === 0) fromResult(result);
    };
    const startedAt = performance.now();
    const timeoutMs = this.fn.timeoutSeconds * 1000;
    const timer = setTimeout(() => {
      const elapsedMs = performance.now() - startedAt;
      this.kill();
      const now = new Date();
      log.append(`${timeoutLogLine(requestId, elapsedMs, now)}\n`);
      done(false, timeoutPayload(requestId, elapsedMs, now), { timedOut: true });
    }, timeoutMs);

    this.pending = {
      log,
      onFrame: (frame) => {
        if (frame.header.fatal) this.usable = false;
        result = frame;
        completeIfAllIn();
      },
      onClosed: (code, signal) => {
        if (result) fromResult(result);
        else done(false, exitErrorPayload(requestId, code, signal));
      },
    };
    const seen = (): void => {
      markersDue -= 1;
      completeIfAllIn();
    };
    this.stdout.expect(endMarker, seen);
    this.stderr.expect(endMarker, seen);
    const header: InvokeHeader = {
      type: 'invoke',
      requestId,
      deadlineMs: Date.now() + timeoutMs,
      invokedFunctionArn: this.fn.functionArn,
      endMarker,
      maxResponseBytes: this.limits.maxResponseBytes,
    };
    this.channel?.write(encodeFrame(header, event));
  }

  /** Once per worker; every caller awaits the same removal. */
  private removeFolder(): Promise<void> {
    this.removal ??= this.folder ? rm(this.folder, { recursive: true, force: true }) : Promise.resolve();
    return this.removal;
  }
}
