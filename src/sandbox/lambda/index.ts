// Lambda (restJson1, /2015-03-31/functions...): the control plane, and Invoke through the Lambda runner.
// Code is kept base64 in state; the runner gets it with the configuration (getFunction).

import { randomUUID } from 'node:crypto';
import { AwsError, ScopedState, type Persistable, type RequestContext, type RestInput, type RestJsonService, type RestOutput, type RestRoute } from '../service.js';
import type { IamDirectory } from '../iam/index.js';
import { trustAllows } from '../iam/trust-policy.js';
import type { FidelityOptions } from '../options.js';
import { paginate } from '../pagination.js';
import type { LambdaRunner } from '../runner/types.js';
import { readCodePackage, type CodePackage } from './code.js';
import type { StoredFunction } from './function-spec.js';
import { invoke } from './invoke.js';
import { LambdaInput, validationException } from './input.js';
import { functionArn, parseFunctionRef, type FunctionRef } from './names.js';
import { permissionStatement, policyDocument, statementExists, type PolicyStatement } from './permissions.js';
import { RUNTIMES, assertRuntimeAllowed } from './runtimes.js';

/** FunctionConfiguration as Lambda returns it; optional members are absent, not null. */
export interface FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Runtime?: string;
  Role: string;
  Handler?: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: '$LATEST';
  Environment?: { Variables: Record<string, string> };
  TracingConfig: { Mode: string };
  RevisionId: string;
  State: 'Active';
  LastUpdateStatus: 'Successful';
  PackageType: 'Zip';
  Architectures: string[];
  EphemeralStorage: { Size: number };
  SnapStart: { ApplyOn: 'None'; OptimizationStatus: 'Off' };
  LoggingConfig: { LogFormat: 'Text'; LogGroup: string };
}

interface FunctionRecord {
  configuration: FunctionConfiguration;
  zipBase64: string;
  policy: PolicyStatement[];
  tags: Record<string, string>;
}

interface RegionLambda {
  functions: Record<string, FunctionRecord>;
}

export interface LambdaService extends RestJsonService, Persistable {
  /** The stored function, its zip and its resource policy, for the Lambda runner and the API data plane. */
  getFunction(scope: Pick<RequestContext, 'accountId' | 'region'>, name: string): (StoredFunction & { policy: PolicyStatement[] }) | undefined;
}

const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::(\d{12}):role\/?(?:[a-zA-Z_0-9+=,.@\-_/]*\/)?([a-zA-Z_0-9+=,.@\-_]+)$/;
const ROLE_PATTERN_TEXT = 'arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+';
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const HANDLER = /^[^\s]{1,128}$/;
const BASE = '/2015-03-31/functions';

function architectures(input: LambdaInput): string[] {
  const value = input.stringList('Architectures') ?? ['x86_64'];
  if (value.length !== 1 || !['x86_64', 'arm64'].includes(value[0] as string)) {
    throw validationException('architectures', `[${value.join(', ')}]`, 'Member must have length less than or equal to 1, Member must satisfy enum value set: [x86_64, arm64]');
  }
  return value;
}

const lastModified = (now: Date) => now.toISOString().replace('Z', '+0000');
const noPolicy = () => new AwsError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
const cannotAssumeRole = () => new AwsError('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.');

export function createLambdaService(deps: { iam: IamDirectory; fidelity: FidelityOptions; runner: LambdaRunner }): LambdaService {
  const state = new ScopedState<RegionLambda>(() => ({ functions: {} }));

  function find(ctx: Pick<RequestContext, 'accountId' | 'region'>, ref: FunctionRef): FunctionRecord {
    const record = state.get(ctx).functions[ref.name];
    if (!record || (ref.qualifier !== undefined && ref.qualifier !== '$LATEST')) {
      throw new AwsError('ResourceNotFoundException', `Function not found: ${functionArn(ctx.region, ctx.accountId, ref.name, ref.qualifier)}`, 404);
    }
    return record;
  }

  const functionNamed = (input: RestInput, ctx: RequestContext) => find(ctx, parseFunctionRef(input.params.FunctionName ?? '', input.query.get('Qualifier')));

  /** Lambda assumes the role when the function is created or its role changes: the role must exist, trust
   * lambda.amazonaws.com, and (with the propagation-delay option) be old enough for IAM to have spread it. */
  function assertRoleAssumable(roleArn: string, ctx: RequestContext, fnArn: string): void {
    const [, , roleAccount = '', roleName = ''] = ROLE_ARN.exec(roleArn) ?? [];
    const role = deps.iam.findRole(roleAccount, roleName);
    if (!role) throw cannotAssumeRole();
    const delayMs = (deps.fidelity.iamPropagationDelaySeconds ?? 0) * 1000;
    if (ctx.now.getTime() - Date.parse(role.CreateDate) < delayMs) throw cannotAssumeRole();
    const request = { principals: { Service: ['lambda.amazonaws.com'] }, context: { 'aws:sourceaccount': ctx.accountId, 'aws:sourcearn': fnArn } };
    if (!trustAllows(role.AssumeRolePolicyDocument, request)) throw cannotAssumeRole();
  }

  function checkRuntime(runtime: string | undefined, change: 'create' | 'update', ctx: RequestContext): void {
    if (runtime === undefined) return;
    if (!RUNTIMES.includes(runtime)) throw validationException('runtime', runtime, `Member must satisfy enum value set: [${RUNTIMES.join(', ')}] or be a valid ARN`);
    if (deps.fidelity.runtimeDeprecation) assertRuntimeAllowed(runtime, change, ctx.now);
  }

  /** Members UpdateFunctionConfiguration and CreateFunction share. */
  function applySettings(configuration: FunctionConfiguration, input: LambdaInput): void {
    const handler = input.string('Handler', HANDLER);
    if (handler !== undefined) configuration.Handler = handler;
    const description = input.string('Description');
    if (description !== undefined) {
      if (description.length > 256) throw validationException('description', description, 'Member must have length less than or equal to 256');
      configuration.Description = description;
    }
    configuration.Timeout = input.integer('Timeout', 1, 900) ?? configuration.Timeout;
    configuration.MemorySize = input.integer('MemorySize', 128, 10240) ?? configuration.MemorySize;
    const variables = input.struct('Environment')?.stringMap('Variables');
    if (variables !== undefined) configuration.Environment = { Variables: variables };
  }

  function touch(record: FunctionRecord, ctx: RequestContext, code?: CodePackage): void {
    record.configuration.LastModified = lastModified(ctx.now);
    record.configuration.RevisionId = randomUUID();
    if (code) {
      record.zipBase64 = code.zipBase64;
      record.configuration.CodeSha256 = code.CodeSha256;
      record.configuration.CodeSize = code.CodeSize;
    }
  }

  function assertRevision(record: FunctionRecord, input: LambdaInput): void {
    const revision = input.string('RevisionId');
    if (revision !== undefined && revision !== record.configuration.RevisionId) {
      throw new AwsError(
        'PreconditionFailedException',
        'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
        412,
      );
    }
  }

  const route = (method: RestRoute['method'], path: string, operation: string, handler: RestRoute['handler']): RestRoute => ({ method, path: `${BASE}${path}`, operation, handler });
  const ok = (body: unknown, status = 200): RestOutput => ({ status, body });

  const routes: RestRoute[] = [
    route('POST', '', 'CreateFunction', (request, ctx) => {
      const input = new LambdaInput(request.body);
      const name = input.requiredString('FunctionName', FUNCTION_NAME, '[a-zA-Z0-9-_]+');
      const role = input.requiredString('Role', ROLE_ARN, ROLE_PATTERN_TEXT);
      const runtime = input.string('Runtime');
      const handler = input.string('Handler', HANDLER);
      if ((input.string('PackageType') ?? 'Zip') === 'Zip' && (runtime === undefined || handler === undefined)) {
        throw new AwsError('InvalidParameterValueException', 'Runtime and Handler are mandatory parameters for functions created with deployment packages.');
      }
      checkRuntime(runtime, 'create', ctx);
      const functions = state.get(ctx).functions;
      if (functions[name]) throw new AwsError('ResourceConflictException', `Function already exist: ${name}`, 409);
      const code = readCodePackage(input.struct('Code'));
      const arn = functionArn(ctx.region, ctx.accountId, name);
      assertRoleAssumable(role, ctx, arn);
      const configuration: FunctionConfiguration = {
        FunctionName: name,
        FunctionArn: arn,
        Runtime: runtime,
        Role: role,
        Handler: handler,
        CodeSize: code.CodeSize,
        Description: '',
        Timeout: 3,
        MemorySize: 128,
        LastModified: lastModified(ctx.now),
        CodeSha256: code.CodeSha256,
        Version: '$LATEST',
        TracingConfig: { Mode: input.struct('TracingConfig')?.string('Mode') ?? 'PassThrough' },
        RevisionId: randomUUID(),
        State: 'Active',
        LastUpdateStatus: 'Successful',
        PackageType: 'Zip',
        Architectures: architectures(input),
        EphemeralStorage: { Size: input.struct('EphemeralStorage')?.integer('Size', 512, 10240) ?? 512 },
        SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
        LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
      };
      applySettings(configuration, input);
      functions[name] = { configuration, zipBase64: code.zipBase64, policy: [], tags: input.stringMap('Tags') ?? {} };
      return ok(configuration, 201);
    }),

    route('GET', '', 'ListFunctions', (request, ctx) => {
      const maxItems = Number(request.query.get('MaxItems') ?? 50);
      if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10000) {
        throw validationException('maxItems', request.query.get('MaxItems'), 'Member must have value between 1 and 10000');
      }
      const all = Object.values(state.get(ctx).functions)
        .map((record) => record.configuration)
        .sort((a, b) => a.FunctionName.localeCompare(b.FunctionName));
      const page = paginate(all, request.query.get('Marker') ?? undefined, maxItems, () => new AwsError('InvalidParameterValueException', 'Invalid marker'));
      return ok({ Functions: page.items, NextMarker: page.nextMarker });
    }),

    route('GET', '/{FunctionName}', 'GetFunction', (request, ctx) => {
      const record = functionNamed(request, ctx);
      const { FunctionName } = record.configuration;
      const location = `${ctx.baseUrl}/_sandbox/lambda-code/${ctx.accountId}/${ctx.region}/${encodeURIComponent(FunctionName)}.zip`;
      return ok({
        Configuration: record.configuration,
        Code: { RepositoryType: 'S3', Location: location },
        Tags: Object.keys(record.tags).length ? record.tags : undefined,
      });
    }),

    route('GET', '/{FunctionName}/configuration', 'GetFunctionConfiguration', (request, ctx) => ok(functionNamed(request, ctx).configuration)),

    route('PUT', '/{FunctionName}/configuration', 'UpdateFunctionConfiguration', (request, ctx) => {
      const record = functionNamed(request, ctx);
      const input = new LambdaInput(request.body);
      assertRevision(record, input);
      const runtime = input.string('Runtime') ?? record.configuration.Runtime;
      checkRuntime(runtime, 'update', ctx);
      const role = input.string('Role', ROLE_ARN, ROLE_PATTERN_TEXT);
      if (role !== undefined && role !== record.configuration.Role) assertRoleAssumable(role, ctx, record.configuration.FunctionArn);
      const updated = { ...record.configuration, Runtime: runtime, Role: role ?? record.configuration.Role };
      applySettings(updated, input);
      record.configuration = updated;
      touch(record, ctx);
      return ok(record.configuration);
    }),

    route('PUT', '/{FunctionName}/code', 'UpdateFunctionCode', (request, ctx) => {
      const record = functionNamed(request, ctx);
      const input = new LambdaInput(request.body);
      assertRevision(record, input);
      checkRuntime(record.configuration.Runtime, 'update', ctx);
      const code = readCodePackage(input);
      if (input.boolean('DryRun')) return ok({ ...record.configuration, CodeSha256: code.CodeSha256, CodeSize: code.CodeSize });
      touch(record, ctx, code);
      return ok(record.configuration);
    }),

    route('DELETE', '/{FunctionName}', 'DeleteFunction', (request, ctx) => {
      const record = functionNamed(request, ctx);
      delete state.get(ctx).functions[record.configuration.FunctionName];
      return { status: 204 };
    }),

    route('POST', '/{FunctionName}/policy', 'AddPermission', (request, ctx) => {
      const record = functionNamed(request, ctx);
      const input = new LambdaInput(request.body);
      assertRevision(record, input);
      const qualifier = request.query.get('Qualifier') ?? undefined;
      const statement = permissionStatement(input, `${record.configuration.FunctionArn}${qualifier ? `:${qualifier}` : ''}`);
      if (record.policy.some((existing) => existing.Sid === statement.Sid)) throw statementExists(statement.Sid);
      record.policy.push(statement);
      record.configuration.RevisionId = randomUUID();
      return ok({ Statement: JSON.stringify(statement) }, 201);
    }),

    route('GET', '/{FunctionName}/policy', 'GetPolicy', (request, ctx) => {
      const record = functionNamed(request, ctx);
      if (record.policy.length === 0) throw noPolicy();
      return ok({ Policy: policyDocument(record.policy), RevisionId: record.configuration.RevisionId });
    }),

    route('DELETE', '/{FunctionName}/policy/{StatementId}', 'RemovePermission', (request, ctx) => {
      const record = functionNamed(request, ctx);
      const sid = request.params.StatementId ?? '';
      if (!record.policy.some((statement) => statement.Sid === sid)) {
        throw new AwsError('ResourceNotFoundException', `Statement ${sid} is not found in resource policy.`, 404);
      }
      record.policy = record.policy.filter((statement) => statement.Sid !== sid);
      record.configuration.RevisionId = randomUUID();
      return { status: 204 };
    }),

    route('POST', '/{FunctionName}/invocations', 'Invoke', (request, ctx) => {
      const record = functionNamed(request, ctx);
      return invoke(deps.runner, { configuration: record.configuration, zip: Buffer.from(record.zipBase64, 'base64') }, request, ctx);
    }),

    // Where GetFunction's Code.Location points (AWS: a presigned S3 URL). Unsigned, so the scope is in the path.
    {
      method: 'GET',
      path: '/_sandbox/lambda-code/{accountId}/{region}/{file}',
      operation: 'DownloadFunctionCode',
      handler: ({ params }) => {
        const scope = { accountId: params.accountId ?? '', region: params.region ?? '' };
        const record = find(scope, { name: (params.file ?? '').replace(/\.zip$/, '') });
        return { status: 200, body: Buffer.from(record.zipBase64, 'base64'), headers: { 'content-type': 'application/zip' } };
      },
    },
  ];

  return {
    routes,
    getFunction(scope, name) {
      const functions = state.get(scope).functions;
      const record = Object.hasOwn(functions, name) ? functions[name] : undefined;
      return record && { configuration: record.configuration, zip: Buffer.from(record.zipBase64, 'base64'), policy: record.policy };
    },
    exportState: () => state.toJSON(),
    importState: (json) => state.load(json as Record<string, RegionLambda>),
  };
}
