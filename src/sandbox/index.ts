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

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? DEFAULT_SANDBOX_HOST;
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
    server.listen(options.port ?? DEFAULT_SANDBOX_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  try {
    await listening;
  } catch (error) {
    await Promise.all([services.runner.stop(), requestLog?.close()]);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
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
