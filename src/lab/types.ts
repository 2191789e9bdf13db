// The lab spec: every name the lab uses, what the system must answer, and the points per check.
// The default is checks/lab.json; an instructor may pass their own with --lab.

export interface LabSpec {
  id: string;
  title: string;
  version: string;
  /** The region the lab tells learners to use. */
  region: string;
  names: {
    userPool: string;
    appClient: string;
    username: string;
    role: string;
    function: string;
    api: string;
    /** e.g. "/hello" */
    resourcePath: string;
    /** e.g. "GET" */
    httpMethod: string;
    authorizer: string;
    stage: string;
    permissionStatementId: string;
  };
  /** The lab user's permanent password, the probes' last fallback after --password and LAB_GRADER_PASSWORD. */
  password: string;
  expected: {
    basicExecutionPolicyArn: string;
    handler: string;
    /** Runtimes that satisfy the lab (its handler is Python 3). */
    runtimePattern: string;
    /** Deprecated runtimes that still pass, with a note: runtime -> ISO date of deprecation. */
    deprecatedRuntimes: Record<string, string>;
    /** What fix commands recommend. */
    recommendedRuntime: string;
    identitySource: string;
    /** The JSON the authorized call returns. */
    responseBody: Record<string, unknown>;
  };
  /** Points per check id; they add up to the lab's maximum (100 for the default spec). */
  points: Record<string, number>;
}
