// Child-process entry for the load test and benchmark: a sandbox on a free loopback port, run with --expose-gc
// so that its memory can be read after a full collection. Sends its URL over IPC, answers 'memory' with
// process.memoryUsage() taken after gc(), and stops on SIGTERM.
import { startSandbox } from '../../../src/sandbox/index.js';

const sandbox = await startSandbox({ port: 0 });
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

process.on('message', (message) => {
  if (message !== 'memory') return;
  gc();
  process.send?.({ memory: process.memoryUsage() });
});
process.once('SIGTERM', () => void sandbox.stop().then(() => process.exit(0)));
process.send?.({ url: sandbox.url });
