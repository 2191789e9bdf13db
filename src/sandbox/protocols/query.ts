// awsQuery (IAM, STS): form-encoded `Action=...&Version=...` in, XML out.

import { AwsError, type RequestContext } from '../service.js';
import type { QueryProfile } from '../profiles.js';
import type { Protocol } from './types.js';
import { escapeXml, toXml } from './xml.js';
import { constraintMessage } from '../validation.js';
import { requireMediaType } from './content-type.js';

/** Returns the content of <ActionResult>, or undefined for actions that answer with metadata only. */
export type QueryAction = (params: QueryParams, ctx: RequestContext) => Promise<unknown> | unknown;

export interface QueryService {
  actions: Record<string, QueryAction>;
}

export interface QueryBinding {
  profile: QueryProfile;
  service: QueryService;
}

export function validationError(name: string, value: string | null, constraint: string): AwsError {
  return new AwsError('ValidationError', constraintMessage(name, value, constraint));
}

export class QueryParams {
  constructor(private readonly values: URLSearchParams) {}

  optional(name: string): string | undefined {
    return this.values.get(name) ?? undefined;
  }

  required(name: string): string {
    const value = this.values.get(name);
    if (value === null || value === '') throw validationError(name, null, 'Member must not be null');
    return value;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const text = this.optional(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value)) throw validationError(name, text, 'Member must be an integer');
    if (value < min) throw validationError(name, text, `Member must have value greater than or equal to ${min}`);
    if (value > max) throw validationError(name, text, `Member must have value less than or equal to ${max}`);
    return value;
  }

  /** `Name.member.1.Field=...` lists of structures (Tags). */
  structList(name: string): Record<string, string>[] {
    const items: Record<string, string>[] = [];
    for (const [key, value] of this.values) {
      const match = new RegExp(`^${name}\\.member\\.(\\d+)\\.(\\w+)$`).exec(key);
      if (!match) continue;
      const index = Number(match[1]) - 1;
      (items[index] ??= {})[match[2] as string] = value;
    }
    return items.filter(Boolean);
  }
}

const XML = { 'content-type': 'text/xml' };
const FORM = 'application/x-www-form-urlencoded';

export const queryProtocol: Protocol<QueryBinding> = {
  async prepare({ profile, service }, request) {
    // AWS takes the parameters in a GET's query string too; a body only as a form.
    if (request.method !== 'GET') requireMediaType(request.headers, [FORM]);
    const form =
      request.method === 'GET' ? request.url.searchParams : new URLSearchParams((await request.readBody('Unknown')).toString('utf8'));
    const action = form.get('Action');
    if (!action) throw new AwsError('MissingAction', 'Missing Action');
    const handler = service.actions[action];
    if (!handler) throw new AwsError('InvalidAction', `Could not find operation ${action} for version ${form.get('Version') ?? profile.version}`);
    return {
      operation: action,
      async invoke(ctx) {
        const result = await handler(new QueryParams(form), ctx);
        const resultXml = result === undefined ? '' : `<${action}Result>${toXml(result)}</${action}Result>`;
        const body =
          `<${action}Response xmlns="${profile.xmlNamespace}">${resultXml}` +
          `<ResponseMetadata><RequestId>${ctx.requestId}</RequestId></ResponseMetadata></${action}Response>`;
        return { status: 200, headers: XML, body };
      },
    };
  },

  serializeError({ profile }, error, requestId) {
    const type = error.status >= 500 ? 'Receiver' : 'Sender';
    const body =
      `<ErrorResponse xmlns="${profile.xmlNamespace}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status: error.status, headers: { ...XML, ...error.headers }, body };
  },
};
