// The bootstrap every nodejsN.x worker runs (`node bootstrap.cjs`): the sandbox's stand-in for Lambda's Node
// runtime interface client. Kept as a string so the single-file bundle carries it; written to the worker's
// folder at start. Handler loading, error documents (errorType, errorMessage, trace) and log lines follow the
// Node RIC. String.raw: the JavaScript source must contain no backtick and no dollar-brace.

export const NODE_BOOTSTRAP_FILE = 'bootstrap.cjs';

export const NODE_BOOTSTRAP = String.raw`'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const util = require('node:util');
const { pathToFileURL } = require('node:url');

const taskRoot = process.env.LAMBDA_TASK_ROOT;
let currentRequestId = '';
/** Settles the running invocation: set while a handler runs, so that an uncaught error can fail it. */
let settleActive = null;
let activeFailedFatally = false;

const faults = {};
for (const name of ['ImportModuleError', 'HandlerNotFound', 'MalformedHandlerName', 'UserCodeSyntaxError', 'UnhandledPromiseRejection']) {
  faults[name] = class extends Error {};
  faults[name].prototype.name = 'Runtime.' + name;
}

function logLine(level, text) {
  process.stdout.write(new Date().toISOString() + '\t' + currentRequestId + '\t' + level + '\t' + text + '\n');
}

function patchConsole() {
  const levels = { log: 'INFO', info: 'INFO', debug: 'DEBUG', warn: 'WARN', error: 'ERROR', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => logLine(level, util.format(...args));
  }
}

function errorDocument(error) {
  try {
    if (util.types.isNativeError(error) || (error && typeof error.name === 'string' && typeof error.message === 'string' && typeof error.stack === 'string')) {
      return { errorType: error.name, errorMessage: error.message, trace: String(error.stack).split('\n') };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack' };
  }
}

function logInvokeError(document) {
  const { errorType, errorMessage, trace } = document;
  logLine('ERROR', 'Invoke Error \t' + JSON.stringify({ errorType, errorMessage, stack: trace }));
}

function hasTypeModule(folder) {
  for (let current = folder; ; current = path.dirname(current)) {
    const manifest = path.join(current, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        return JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (current === taskRoot || current === path.dirname(current)) return false;
  }
}

async function loadModule(moduleRoot, moduleName) {
  const base = path.resolve(taskRoot, moduleRoot, moduleName);
  const esm = hasTypeModule(path.dirname(base));
  const importFile = (file) => import(pathToFileURL(file).href);
  if (fs.existsSync(base)) return require(base);
  if (fs.existsSync(base + '.js')) return esm ? importFile(base + '.js') : require(base + '.js');
  if (fs.existsSync(base + '.mjs')) return importFile(base + '.mjs');
  if (fs.existsSync(base + '.cjs')) return require(base + '.cjs');
  return require(require.resolve(moduleName, { paths: [taskRoot, path.resolve(taskRoot, moduleRoot)] }));
}

async function loadHandler(fullHandler) {
  if (fullHandler.includes('..')) {
    throw new faults.MalformedHandlerName("'" + fullHandler + "' is not a valid handler name. Use absolute paths when specifying root directories in handler names.");
  }
  const base = path.basename(fullHandler);
  const match = /^([^.]*)\.(.*)$/.exec(base);
  if (!match) throw new faults.MalformedHandlerName('Bad handler');
  let userModule;
  try {
    userModule = await loadModule(fullHandler.slice(0, fullHandler.length - base.length), match[1]);
  } catch (error) {
    if (error instanceof SyntaxError) throw new faults.UserCodeSyntaxError(String(error));
    if (error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND')) throw new faults.ImportModuleError(String(error));
    throw error;
  }
  const handler = match[2].split('.').reduce((value, key) => value && value[key], userModule);
  if (!handler) throw new faults.HandlerNotFound(fullHandler + ' is undefined or not exported');
  if (typeof handler !== 'function') throw new faults.HandlerNotFound(fullHandler + ' is not a function');
  return handler;
}

function makeContext(header, settle) {
  const env = process.env;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: header.invokedFunctionArn,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: header.requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(header.deadlineMs - Date.now(), 0),
    succeed: (result) => settle(null, result),
    fail: (error) => settle(error == null ? 'handled' : error),
    done: (error, result) => settle(error, result),
  };
}

/** Resolves to { error } or { result }: async handlers settle by their promise, callback handlers by the callback. */
function runHandler(handler, body, header) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (error, result) => {
      if (settled) return;
      settled = true;
      settleActive = null;
      resolve(error != null ? { error } : { result });
    };
    settleActive = settle;
    let returned;
    try {
      returned = handler(JSON.parse(body.toString('utf8')), makeContext(header, settle), settle);
    } catch (error) {
      settle(error);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then((result) => settle(null, result), (error) => settle(error == null ? 'handled' : error));
    } else if (handler.length < 3) {
      // A synchronous handler that takes no callback: Lambda answers null once the event loop drains.
      setImmediate(() => settle(null, null));
    }
  });
}

const channel = new net.Socket({ fd: 3, readable: true, writable: true });

function sendFrame(header, body) {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32BE(headerBytes.length, 0);
  prefix.writeUInt32BE(body.length, 4);
  channel.write(Buffer.concat([prefix, headerBytes, body]));
}

function reply(header, ok, payloadText, fatal) {
  // Everything the handler printed precedes the end marker on both streams: the runner waits for both.
  process.stdout.write(header.endMarker);
  process.stderr.write(header.endMarker);
  const payload = Buffer.from(payloadText, 'utf8');
  if (payload.length > header.maxResponseBytes) {
    sendFrame({ type: 'result', ok: false, tooLargeBytes: payload.length, fatal }, Buffer.alloc(0));
  } else {
    sendFrame({ type: 'result', ok, fatal }, payload);
  }
}

function replyError(header, error, fatal) {
  const document = errorDocument(error);
  logInvokeError(document);
  reply(header, false, JSON.stringify(document), fatal);
}

async function handleInvoke(loaded, header, body) {
  currentRequestId = header.requestId;
  if (loaded.error) return replyError(header, loaded.error, true);
  activeFailedFatally = false;
  const outcome = await runHandler(loaded.handler, body, header);
  if ('error' in outcome) return replyError(header, outcome.error, activeFailedFatally);
  let payloadText;
  try {
    payloadText = JSON.stringify(outcome.result === undefined ? null : outcome.result) ?? 'null';
  } catch {
    return replyError(header, new Error('Unable to stringify response body'), false);
  }
  reply(header, true, payloadText, false);
}

// An error nothing caught fails the running invocation, and the worker is not reused (as Lambda restarts it).
function failActive(error) {
  if (!settleActive) return logInvokeError(errorDocument(error));
  activeFailedFatally = true;
  settleActive(error);
}

function exitWhenOrphaned() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(-process.pid, 'SIGKILL');
  }, 1000).unref();
}

async function main() {
  patchConsole();
  exitWhenOrphaned();
  process.on('uncaughtException', failActive);
  process.on('unhandledRejection', (reason) => failActive(new faults.UnhandledPromiseRejection(String(reason))));
  let loaded;
  try {
    loaded = { handler: await loadHandler(process.env._HANDLER) };
  } catch (error) {
    loaded = { error };
  }
  // Init is over: the function's timeout runs from the invocation, as in Lambda.
  sendFrame({ type: 'ready' }, Buffer.alloc(0));
  let pending = Buffer.alloc(0);
  let queue = Promise.resolve();
  channel.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 8) {
      const headerLength = pending.readUInt32BE(0);
      const frameLength = 8 + headerLength + pending.readUInt32BE(4);
      if (pending.length < frameLength) break;
      const header = JSON.parse(pending.subarray(8, 8 + headerLength).toString('utf8'));
      const body = pending.subarray(8 + headerLength, frameLength);
      pending = pending.subarray(frameLength);
      queue = queue.then(() => handleInvoke(loaded, header, body));
    }
  });
  channel.on('close', () => process.exit(0));
}

main();
`;
