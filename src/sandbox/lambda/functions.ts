// CreateFunction, ListFunctions, GetFunction, GetFunctionConfiguration, UpdateFunctionConfiguration,
// UpdateFunctionCode, DeleteFunction, and the code download GetFunction's Code.Location points to.

import { randomUUID } from 'node:crypto';
import type { FidelityOptions } from '../fidelity.js';
import type { IamDirectory } from '../iam/state.js';
import { trustAllows } from '../iam/trust-policy.js';
import type { Input } from '../input.js';
import { paginate } from '../pagination.js';
import { AwsError, own, type RequestContext, type RestInput, type RestRoute } from '../service.js';
import { readCodePackage } from './code.js';
import { lambdaInput, validationException } from './input.js';
import { functionArn, parseFunctionRef } from './names.js';
import { ok, route } from './route.js';
import { RUNTIMES, assertRuntimeAllowed } from './runtimes.js';
import { assertRevision, lastModified, touch, type FunctionConfiguration, type FunctionRecord, type LambdaState } from './state.js';

const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::(\d{12}):role\/?(?:[a-zA-Z_0-9+=,.@\-_/]*\/)?([a-zA-Z_0-9+=,.@\-_]+)$/;
const ROLE = { pattern: ROLE_ARN, patternText: 'arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+' };
const FUNCTION_NAME = { pattern: /^[a-zA-Z0-9_-]{1,64}$/, patternText: '[a-zA-Z0-9-_]+' };
const HANDLER = { pattern: /^[^\s]{1,128}$/ };

function architectures(input: Input): string[] {
  const value = input.stringList('Architectures') ?? ['x86_64'];
  if (value.length !== 1 || !['x86_64', 'arm64'].includes(value[0] as string)) {
    throw validationException('architectures', `[${value.join(', ')}]`, 'Member must have length less than or equal to 1, Member must satisfy enum value set: [x86_64, arm64]');
  }
  return value;
}

const cannotAssumeRole = () => new AwsError('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.');

/** The function a route's {FunctionName} (and ?Qualifier) names. */
export const functionNamed = (state: LambdaState, request: RestInput, ctx: RequestContext): FunctionRecord =>
  state.find(ctx, parseFunctionRef(request.params.FunctionName ?? '', request.query.get('Qualifier')));

export function functionRoutes(state: LambdaState, deps: { iam: IamDirectory; fidelity: FidelityOptions }): RestRoute[] {
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
  function applySettings(configuration: FunctionConfiguration, input: Input): void {
    const handler = input.string('Handler', HANDLER);
    if (handler !== undefined) configuration.Handler = handler;
    const description = input.string('Description', { max: 256 });
    if (description !== undefined) configuration.Description = description;
    configuration.Timeout = input.integer('Timeout', { min: 1, max: 900 }) ?? configuration.Timeout;
    configuration.MemorySize = input.integer('MemorySize', { min: 128, max: 10240 }) ?? configuration.MemorySize;
    const variables = input.struct('Environment')?.stringMap('Variables');
    if (variables !== undefined) configuration.Environment = { Variables: variables };
  }

  return [
    route('POST', '', 'CreateFunction', (request, ctx) => {
      const input = lambdaInput(request.body);
      const name = input.requiredString('FunctionName', FUNCTION_NAME);
      const role = input.requiredString('Role', ROLE);
      const runtime = input.string('Runtime');
      const handler = input.string('Handler', HANDLER);
      if ((input.string('PackageType') ?? 'Zip') === 'Zip' && (runtime === undefined || handler === undefined)) {
        throw new AwsError('InvalidParameterValueException', 'Runtime and Handler are mandatory parameters for functions created with deployment packages.');
      }
      checkRuntime(runtime, 'create', ctx);
      const functions = state.functions(ctx);
      if (own(functions, name)) throw new AwsError('ResourceConflictException', `Function already exist: ${name}`, 409);
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
        EphemeralStorage: { Size: input.struct('EphemeralStorage')?.integer('Size', { min: 512, max: 10240 }) ?? 512 },
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
      const all = Object.values(state.functions(ctx))
        .map((record) => record.configuration)
        .sort((a, b) => a.FunctionName.localeCompare(b.FunctionName));
      const page = paginate(all, request.query.get('Marker') ?? undefined, maxItems, () => new AwsError('InvalidParameterValueException', 'Invalid marker'));
      return ok({ Functions: page.items, NextMarker: page.nextMarker });
    }),

    route('GET', '/{FunctionName}', 'GetFunction', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      const { FunctionName } = record.configuration;
      const location = `${ctx.baseUrl}/_sandbox/lambda-code/${ctx.accountId}/${ctx.region}/${encodeURIComponent(FunctionName)}.zip`;
      return ok({
        Configuration: record.configuration,
        Code: { RepositoryType: 'S3', Location: location },
        Tags: Object.keys(record.tags).length ? record.tags : undefined,
      });
    }),

    route('GET', '/{FunctionName}/configuration', 'GetFunctionConfiguration', (request, ctx) => ok(functionNamed(state, request, ctx).configuration)),

    route('PUT', '/{FunctionName}/configuration', 'UpdateFunctionConfiguration', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      const input = lambdaInput(request.body);
      assertRevision(record, input);
      const runtime = input.string('Runtime') ?? record.configuration.Runtime;
      checkRuntime(runtime, 'update', ctx);
      const role = input.string('Role', ROLE);
      if (role !== undefined && role !== record.configuration.Role) assertRoleAssumable(role, ctx, record.configuration.FunctionArn);
      const updated = { ...record.configuration, Runtime: runtime, Role: role ?? record.configuration.Role };
      applySettings(updated, input);
      record.configuration = updated;
      touch(record, ctx.now);
      return ok(record.configuration);
    }),

    route('PUT', '/{FunctionName}/code', 'UpdateFunctionCode', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      const input = lambdaInput(request.body);
      assertRevision(record, input);
      checkRuntime(record.configuration.Runtime, 'update', ctx);
      const code = readCodePackage(input);
      if (input.boolean('DryRun')) return ok({ ...record.configuration, CodeSha256: code.CodeSha256, CodeSize: code.CodeSize });
      touch(record, ctx.now, code);
      return ok(record.configuration);
    }),

    route('DELETE', '/{FunctionName}', 'DeleteFunction', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      delete state.functions(ctx)[record.configuration.FunctionName];
      return { status: 204 };
    }),

    // Where GetFunction's Code.Location points (AWS: a presigned S3 URL). Unsigned, so the scope is in the path.
    {
      method: 'GET',
      path: '/_sandbox/lambda-code/{accountId}/{region}/{file}',
      operation: 'DownloadFunctionCode',
      handler: ({ params }) => {
        const scope = { accountId: params.accountId ?? '', region: params.region ?? '' };
        const record = state.find(scope, { name: (params.file ?? '').replace(/\.zip$/, '') });
        return { status: 200, body: Buffer.from(record.zipBase64, 'base64'), headers: { 'content-type': 'application/zip' } };
      },
    },
  ];
}
