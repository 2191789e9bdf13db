// The snapshot: everything the grader observed in one account, as one JSON document.
// Checks read only this. It never holds a password, a token or a key: token claims are kept, signatures are not.

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** Why the grader could not observe something. None of these is the learner's fault. */
export type ObservationErrorKind =
  | 'access-denied'
  | 'throttled'
  | 'timeout'
  | 'network'
  | 'credentials'
  | 'other';

export interface ObservationError {
  kind: ObservationErrorKind;
  /** service:Operation, e.g. "apigateway:GetResources". */
  operation: string;
  /** The AWS error code (AccessDeniedException, TooManyRequestsException, ...) or a local one (TimeoutError). */
  code: string;
  /** Sanitised: never contains credentials or tokens. */
  message: string;
}

/**
 * One piece of evidence.
 * - found: AWS returned it.
 * - absent: AWS said it does not exist (NotFound, NoSuchEntity, no pool of that name): a fact about the account.
 * - error: the grader could not observe it (a fact about the grader's access, never the learner's fault).
 * - skipped: not looked for, because what it hangs off is absent or errored (no API, so no resources).
 */
export type Observed<T> =
  | { state: 'found'; value: T }
  | { state: 'absent'; detail: string }
  | { state: 'error'; error: ObservationError }
  | { state: 'skipped'; reason: string };

/** When several resources carry the lab's name (the learner ran a step twice), which one was graded and why. */
export interface Choice {
  candidates: string[];
  chosen: string;
  reason: 'only-one' | 'referenced-by-authorizer' | 'referenced-by-integration' | 'has-lab-stage' | 'newest';
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/**
 * A resource whose name is the lab's but for case or one character (a likely typo of the lab's name), listed
 * when none has the lab's name.
 */
export interface NearMiss {
  name: string;
  /** The pool id, API id, function ARN or role ARN. */
  id: string;
}

// ---- Cognito ----

export interface PoolSummary {
  id: string;
  name: string;
  creationDate: string | null;
}

export interface UserPool {
  id: string;
  name: string;
  arn: string;
  creationDate: string | null;
  lastModifiedDate: string | null;
  estimatedNumberOfUsers: number | null;
}

export interface ClientSummary {
  clientId: string;
  clientName: string;
}

export interface AppClient {
  clientId: string;
  clientName: string;
  userPoolId: string;
  /** As Describe returns them: legacy names (USER_PASSWORD_AUTH) are echoed unchanged. */
  explicitAuthFlows: string[];
  /** Whether the client has a secret. The secret itself is never kept. */
  hasSecret: boolean;
  preventUserExistenceErrors: string | null;
  idTokenValidity: number | null;
  accessTokenValidity: number | null;
}

export interface PoolUser {
  username: string;
  enabled: boolean;
  /** UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD, RESET_REQUIRED, ... */
  userStatus: string;
  createdDate: string | null;
  lastModifiedDate: string | null;
  attributes: Record<string, string>;
}

export interface CognitoEvidence {
  /** Every pool whose name is the lab's pool name. */
  pools: Observed<PoolSummary[]>;
  poolChoice: Choice | null;
  pool: Observed<UserPool>;
  /** The chosen pool's clients whose name is the lab's client name. */
  clients: Observed<ClientSummary[]>;
  clientChoice: Choice | null;
  client: Observed<AppClient>;
  user: Observed<PoolUser>;
  /** Only when no pool has the lab's name (absent in snapshots from before it was recorded). */
  poolNearMisses?: Observed<NearMiss[]>;
  /** Only when no pool has the lab's name: the other regions searched where one has it (failures left out). */
  poolInRegions?: string[];
}

// ---- IAM ----

export interface PolicyStatement {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  [key: string]: unknown;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

export interface IamRole {
  roleName: string;
  arn: string;
  createDate: string | null;
  /** Decoded (GetRole returns it URL-encoded). */
  trustPolicy: PolicyDocument;
}

export interface AttachedPolicy {
  policyName: string;
  policyArn: string;
}

export interface IamEvidence {
  /** The role name that was looked up. */
  roleName: string;
  /** 'function': taken from the function's role ARN; 'lab-spec': the lab's role name (no function to follow). */
  roleSource: 'function' | 'lab-spec';
  role: Observed<IamRole>;
  attachedPolicies: Observed<AttachedPolicy[]>;
  /** Only when the lab's role name (roleSource 'lab-spec') names no role. */
  roleNearMisses?: Observed<NearMiss[]>;
}

// ---- Lambda ----

export interface LambdaFunction {
  functionName: string;
  functionArn: string;
  runtime: string | null;
  handler: string | null;
  role: string;
  /** Pending, Active, Inactive, Failed */
  state: string | null;
  stateReason: string | null;
  lastUpdateStatus: string | null;
  lastModified: string | null;
  packageType: string | null;
  timeout: number | null;
  memorySize: number | null;
}

export interface LambdaEvidence {
  function: Observed<LambdaFunction>;
  /** The function's resource policy, decoded from GetPolicy's JSON string. absent = no policy at all. */
  policy: Observed<PolicyDocument>;
  /**
   * The function the GET /hello integration invokes, when its ARN is not the lab function's
   * (a learner who wired another function). skipped when it is the lab function or there is no integration.
   */
  integrationFunction: Observed<LambdaFunction>;
  /** Only when there is no function of the lab's name. */
  functionNearMisses?: Observed<NearMiss[]>;
  /** Only when there is no function of the lab's name: the other regions searched where one has it. */
  functionInRegions?: string[];
}

// ---- API Gateway ----

export interface RestApiSummary {
  id: string;
  name: string;
  createdDate: string | null;
}

export interface RestApi extends RestApiSummary {
  endpointTypes: string[];
}

export interface ApiIntegration {
  type: string;
  httpMethod: string | null;
  uri: string | null;
  passthroughBehavior: string | null;
  timeoutInMillis: number | null;
}

export interface ApiMethod {
  httpMethod: string;
  authorizationType: string;
  authorizerId: string | null;
  authorizationScopes: string[];
  apiKeyRequired: boolean;
  integration: ApiIntegration | null;
}

export interface ApiResource {
  id: string;
  parentId: string | null;
  path: string;
  pathPart: string | null;
  /** Keyed by HTTP method (GET, POST, ANY, OPTIONS, ...). */
  methods: Record<string, ApiMethod>;
}

export interface ApiAuthorizer {
  id: string;
  name: string;
  type: string;
  providerARNs: string[];
  identitySource: string | null;
  identityValidationExpression: string | null;
  authorizerResultTtlInSeconds: number | null;
}

export interface ApiStage {
  stageName: string;
  deploymentId: string | null;
  createdDate: string | null;
  lastUpdatedDate: string | null;
}

export interface ApiDeployment {
  id: string;
  createdDate: string | null;
  description: string | null;
  /**
   * GetDeployment embed=apisummary: path -> method -> what the deployed snapshot serves.
   * null when the endpoint did not return one (AWS always does; some emulators do not).
   */
  apiSummary: Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>> | null;
}

/** An authorizer as the stage serves it (GetExport's security scheme and its x-amazon-apigateway-authorizer). */
export interface DeployedAuthorizer {
  /** COGNITO_USER_POOLS, TOKEN, REQUEST, as GetAuthorizers spells it. */
  type: string;
  providerARNs: string[];
  /** method.request.header.<name>: the export names the header the token is read from. */
  identitySource: string | null;
}

/**
 * What the lab's stage serves, read back with GetExport (OpenAPI 3.0, authorizers extension): which authorizer
 * each deployed method uses, with its scopes, and each authorizer's settings as deployed.
 */
export interface StageDefinition {
  /** path -> HTTP method -> the authorizer's name (null: none) and the method's authorization scopes. */
  methods: Record<string, Record<string, { authorizer: string | null; scopes: string[] }>>;
  /** By authorizer name. */
  authorizers: Record<string, DeployedAuthorizer>;
}

export interface ApiGatewayEvidence {
  /** Every REST API whose name is the lab's API name. */
  apis: Observed<RestApiSummary[]>;
  apiChoice: Choice | null;
  api: Observed<RestApi>;
  resources: Observed<ApiResource[]>;
  authorizers: Observed<ApiAuthorizer[]>;
  stages: Observed<ApiStage[]>;
  /** The deployment the lab's stage (prod) points at. */
  deployment: Observed<ApiDeployment>;
  /** What the lab's stage serves, from its export: the deployed authorizers. */
  stageDefinition: Observed<StageDefinition>;
  /** Only when no REST API has the lab's name. */
  apiNearMisses?: Observed<NearMiss[]>;
  /** Only when no REST API has the lab's name: the other regions searched where one has it. */
  apiInRegions?: string[];
}

// ---- Probes (the live part) ----

export interface DecodedToken {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

export type AuthOutcome =
  | { outcome: 'tokens'; tokenType: string | null; expiresIn: number | null; idToken: DecodedToken | null; accessToken: DecodedToken | null }
  | { outcome: 'challenge'; challengeName: string }
  /** Cognito refused (wrong password, flow not enabled, secret required, user not found): a fact about the account. */
  | { outcome: 'refused'; code: string; message: string };

export interface HttpExchange {
  url: string;
  method: string;
  status: number;
  /** Only the headers that matter for grading, lower-cased names. */
  headers: Record<string, string>;
  /** At most the probe's byte limit; `bodyTruncated` says when it was cut. */
  body: string;
  bodyTruncated: boolean;
  durationMs: number;
}

export type ProbeName = 'noToken' | 'bearerIdToken' | 'rawIdToken' | 'accessToken' | 'forgedToken';

export interface ProbeEvidence {
  /** not-run: the live probes were not made (not built yet, or the snapshot was taken without them). */
  state: 'run' | 'not-run';
  reason: string | null;
  stageUrl: string | null;
  auth: Observed<AuthOutcome>;
  http: Record<ProbeName, Observed<HttpExchange>>;
}

// ---- The document ----

export interface Snapshot {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  takenAt: string;
  grader: { name: 'lab-grader'; version: string };
  lab: { id: string; version: string };
  target: {
    region: string;
    /** null for real AWS. */
    endpoint: string | null;
  };
  identity: Observed<CallerIdentity>;
  cognito: CognitoEvidence;
  iam: IamEvidence;
  lambda: LambdaEvidence;
  apigateway: ApiGatewayEvidence;
  probes: ProbeEvidence;
  /** Collector remarks a learner should read, e.g. which of two same-named pools was graded and why. */
  notes: string[];
}
