// What Lambda stores: per account and region, each function's configuration, zip (base64) and resource policy,
// in the JSON shapes Lambda returns, so the whole state round-trips through its state file.

import { randomUUID } from 'node:crypto';
import type { Input } from '../input.js';
import { versionedState } from '../persistence.js';
import { AwsError, own, ScopedState, type Persistable, type RequestContext } from '../service.js';
import type { CodePackage } from './code.js';
import { functionArn, type FunctionRef } from './names.js';

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

/** A statement of a function's resource policy, as AddPermission builds it and GetPolicy returns it. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: '*' | { Service: string } | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface FunctionRecord {
  configuration: FunctionConfiguration;
  zipBase64: string;
  policy: PolicyStatement[];
  tags: Record<string, string>;
}

interface RegionLambda {
  functions: Record<string, FunctionRecord>;
}

type Scope = Pick<RequestContext, 'accountId' | 'region'>;

export const lastModified = (now: Date) => now.toISOString().replace('Z', '+0000');

export class LambdaState {
  private readonly scoped = new ScopedState<RegionLambda>(() => ({ functions: {} }));

  /** Version 1 added the version; files written before it are the scopes map itself. */
  readonly persistence: Persistable = versionedState(
    { service: 'lambda', version: 1, members: ['scopes'], unversioned: (scopes) => ({ scopes: scopes as Record<string, RegionLambda> }) },
    () => ({ scopes: this.scoped.toJSON() }),
    ({ scopes }) => this.scoped.load(scopes),
  );

  functions(scope: Scope): Record<string, FunctionRecord> {
    return this.scoped.get(scope).functions;
  }

  /** The function a name or ARN names ($LATEST only), else Lambda's ResourceNotFoundException. */
  find(scope: Scope, ref: FunctionRef): FunctionRecord {
    const record = own(this.functions(scope), ref.name);
    if (!record || (ref.qualifier !== undefined && ref.qualifier !== '$LATEST')) {
      throw new AwsError('ResourceNotFoundException', `Function not found: ${functionArn(scope.region, scope.accountId, ref.name, ref.qualifier)}`, 404);
    }
    return record;
  }
}

/** A change to a function: a new LastModified and RevisionId, and the new code if there is one. */
export function touch(record: FunctionRecord, now: Date, code?: CodePackage): void {
  record.configuration.LastModified = lastModified(now);
  record.configuration.RevisionId = randomUUID();
  if (code) {
    record.zipBase64 = code.zipBase64;
    record.configuration.CodeSha256 = code.CodeSha256;
    record.configuration.CodeSize = code.CodeSize;
  }
}

/** Optimistic locking: a RevisionId in the request must be the function's current one. */
export function assertRevision(record: FunctionRecord, input: Input): void {
  const revision = input.string('RevisionId');
  if (revision !== undefined && revision !== record.configuration.RevisionId) {
    throw new AwsError(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      412,
    );
  }
}
