// The sandbox: a local AWS for this lab, one HTTP server speaking the real wire protocols.
// `lab-grader sandbox` (src/cli/) calls startSandbox with its flags.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServices } from './registry.js';
import { createRequestListener } from './server.js';
import { FaultInjector } from './faults.js';
import { RequestLog } from './request-log.js';
import { StateStore } from './persistence.js';
import { isPersistable } from './binding.js';
import type { Persistable } from './service.js';
import type { SandboxOptions } from './options.js';
import { isLoopbackHost, normalizeOrigin, type AccessPolicy } from './access-policy.js';

export type { FaultOptions } from './faults.js';
export type { FidelityOptions, SandboxOptions } from './options.js';
export type { DataPlaneOptions } from './execute-api/index.js';
export type { RunnerOptions } from './runner/types.js';
export type { RequestLogEntry } from './request-log.js';

export const DEFAULT_SANDBOX_PORT = 4566;
export const DEFAULT_SANDBOX_HOST = '127.0.0.1';
export const DEFAULT_SANDBOX_REGION = 'us-east-1';

export interface RunningSandbox {
  /** http://host:port, for `--endpoint-url` and the SDKs' `endpoint`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export { isLoopbackHost, normalizeOrigin } from './access-policy.js';

/** Options that make no sandbox: a remote address without allowRemote, an origin that is not one. */
export class SandboxOptionsError extends Error {
  override readonly name = 'SandboxOptionsError';
}

/** The port or address cannot be listened on (EADDRINUSE, EADDRNOTAVAIL, EACCES): the message says which and why. */
export class SandboxListenError extends Error {
  override readonly name = 'SandboxListenError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function accessPolicy(options: SandboxOptions, host: string): AccessPolicy {
  if (!isLoopbackHost(host) && !options.allowRemote) {
    throw new SandboxOptionsError(`The sandbox listens on loopback only: ${host} is not a loopback address (--allow-remote).`);
  }
  const allowOrigins = (options.allowOrigins ?? []).map((origin) => {
    const normalized = normalizeOrigin(origin);
    if (!normalized) throw new SandboxOptionsError(`'${origin}' is not an origin for --allow-origin: give scheme://host[:port], e.g. http://localhost:3000.`);
    return normalized;
  });
  return { allowOrigins, allowRemote: options.allowRemote ?? false };
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const reasons: Record<string, string> = {
    EADDRINUSE: `port ${port} is already in use on ${host} (another sandbox, LocalStack?): stop it or choose another --port (0 picks a free one)`,
    EADDRNOTAVAIL: `${host} is not an address of this machine`,
    EACCES: `this user may not listen on port ${port} (ports below 1024 need privileges): choose another --port`,
    ENOTFOUND: `${host} is not a known host name or address`,
    EAI_AGAIN: `${host} could not be resolved`,
  };
  const reason = error.code ? reasons[error.code] : undefined;
  return reason ? new SandboxListenError(`The sandbox cannot listen on ${host}:${port}: ${reason}.`, error.code as string) : error;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? DEFAULT_SANDBOX_HOST;
  const port = options.port ?? DEFAULT_SANDBOX_PORT;
  const access = accessPolicy(options, host);
  const fidelity = options.fidelity ?? {};
  const services = createServices(options);

  const persistables = new Map<string, Persistable>();
  for (const { profile, service } of services.bindings) if (isPersistable(service)) persistables.set(profile.name, service);
  const store = options.stateDir ? new StateStore(options.stateDir, persistables) : undefined;
  try {
    await store?.load();
  } catch (error) {
    await services.runner.stop();
    throw error;
  }
  const requestLog = options.requestLogFile ? new RequestLog(options.requestLogFile) : undefined;

  const server = createServer(
    createRequestListener({
      bindings: services.bindings,
      issuedKeys: services.issuedKeys,
      defaultRegion: options.defaultRegion ?? DEFAULT_SANDBOX_REGION,
      access,
      maxBodyBytes: options.maxBodyBytes,
      faults: fidelity.faults ? new FaultInjector(fidelity.faults) : undefined,
      requestLog,
      dataPlane: services.dataPlane,
      clock: options.clock,
      onMutation: () => store?.scheduleSave(),
    }),
  );
  // Node closes idle keep-alive sockets after 5 s, just as an SDK client may reuse one ("socket hang up"); AWS
  // keeps them longer. Headers must then be allowed a little longer still.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  try {
    await listening;
  } catch (error) {
    await Promise.all([services.runner.stop(), requestLog?.close()]);
    throw listenError(error as NodeJS.ErrnoException, host, port);
  }
  const bound = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    port: bound,
    stop: () =>
      (stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await services.runner.stop();
        await store?.flush();
        await requestLog?.close();
      })()),
  };
}
