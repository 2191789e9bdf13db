// The runner's public contract: what the Lambda control plane hands it, and what an invocation returns.

/** One function version, as the control plane stores it. */
export interface FunctionSpec {
  /** Function ARN + code sha (+ config): a new code or configuration version gets new workers. */
  key: string;
  /** 'python3.9' ... 'python3.14', 'nodejs18.x' ... 'nodejs24.x'. Anything else yields an error result. */
  runtime: string;
  /** 'lambda_function.lambda_handler', 'index.handler', 'src/app.handler'. */
  handler: string;
  /** The deployment package. */
  zip: Uint8Array;
  timeoutSeconds: number;
  memoryMb: number;
  environment: Record<string, string>;
  functionName: string;
  functionArn: string;
  region: string;
  accountId: string;
}

export interface InvokeOptions {
  /** Lambda's request id (x-amzn-RequestId); a fresh UUID when absent. */
  requestId?: string;
}

interface InvokeOutcome {
  /** The last bytes of the execution log (START ... REPORT), as Invoke's LogType=Tail returns it (before base64). */
  logTail: string;
  durationMs: number;
  /** True on the first invocation a worker serves (a cold start). */
  cold: boolean;
  requestId: string;
}

export interface InvokeSuccess extends InvokeOutcome {
  ok: true;
  /** The handler's return value serialised as the runtime does (Python: `json.dumps` spacing; Node: `JSON.stringify`). */
  payload: string;
}

export interface InvokeFailure extends InvokeOutcome {
  ok: false;
  /** Invoke's X-Amz-Function-Error header value. */
  functionError: 'Unhandled';
  /** The error document Lambda returns as the response body. */
  payload: string;
  /** The function ran past its timeout (and was killed). */
  timedOut?: true;
  /** Why the sandbox itself could not run the function (a Sandbox.* payload): AWS has no such failure. */
  sandboxError?: string;
}

export type InvokeResult = InvokeSuccess | InvokeFailure;

export interface RunnerOptions {
  /** Workers kept per function version; further concurrent invocations wait for one. Default 10. */
  maxWarmWorkers?: number;
  /** An idle worker is stopped after this long. Default 300 000 (5 minutes). */
  idleMs?: number;
  /** Default 'python3'. Every python3.x runtime runs on this interpreter, whatever its version. */
  pythonCommand?: string;
  /** Default: this Node binary (process.execPath). Every nodejsN.x runtime runs on it. */
  nodeCommand?: string;
  /** Bytes of log returned as logTail. Default 4096, Lambda's LogType=Tail. */
  logTailBytes?: number;
  /** Largest synchronous response. Default 6 291 556 bytes, Lambda's limit. */
  maxResponseBytes?: number;
}

export interface LambdaRunner {
  /**
   * Runs one invocation. Failures of the function (exceptions, timeouts, exits, unrunnable runtimes) are
   * results with ok: false, never rejections. Rejects only with AwsError RequestTooLargeException (event over
   * 6 MB, as Invoke does) or when the runner is stopped. A Uint8Array event is passed through as raw JSON bytes.
   */
  invoke(fn: FunctionSpec, event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
  /** Kills every worker process (and their process groups) and removes their temp folders. */
  stop(): Promise<void>;
}
