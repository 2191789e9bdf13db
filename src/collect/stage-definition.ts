// What a stage serves, from its OpenAPI 3.0 export (GetExport with the authorizers extension). The export is
// built from the stage's deployment, not from the live configuration, so it shows the authorizers as deployed.
// A Cognito authorizer is an apiKey security scheme: `name` is the header its identity source reads, and
// x-amazon-apigateway-authorizer carries its type and providerARNs (identitySource only for request/jwt types).
import type { DeployedAuthorizer, StageDefinition } from '../snapshot/types.js';

interface SecurityScheme {
  type?: string;
  name?: string;
  in?: string;
  'x-amazon-apigateway-authtype'?: string;
  'x-amazon-apigateway-authorizer'?: { type?: string; providerARNs?: string[]; identitySource?: string };
}

interface OpenApiExport {
  paths?: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
  components?: { securitySchemes?: Record<string, SecurityScheme> };
  securityDefinitions?: Record<string, SecurityScheme>;
}

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The export's operation keys: lower-case verbs, and x-amazon-apigateway-any-method for ANY. */
function httpMethodOf(key: string): string | null {
  if (key === 'x-amazon-apigateway-any-method') return 'ANY';
  return /^(get|put|post|delete|options|head|patch)$/.test(key) ? key.toUpperCase() : null;
}

function deployedAuthorizer(scheme: SecurityScheme): DeployedAuthorizer {
  const extension = record(scheme['x-amazon-apigateway-authorizer']);
  const type = typeof extension['type'] === 'string' ? extension['type'] : scheme['x-amazon-apigateway-authtype'];
  const explicitSource = typeof extension['identitySource'] === 'string' ? extension['identitySource'] : null;
  const header = scheme.in === 'header' && typeof scheme.name === 'string' ? `method.request.header.${scheme.name}` : null;
  return {
    type: typeof type === 'string' ? type.toUpperCase() : 'UNKNOWN',
    providerARNs: strings(extension['providerARNs']),
    identitySource: explicitSource ?? header,
  };
}

/** Parses the export's JSON body; OpenAPI 3.0 (components.securitySchemes) and Swagger 2.0 (securityDefinitions) alike. */
export function stageDefinitionOf(body: string): StageDefinition {
  const document = record(JSON.parse(body)) as OpenApiExport;
  const schemes = { ...record(document.securityDefinitions), ...record(document.components?.securitySchemes) } as Record<string, SecurityScheme>;
  const methods: StageDefinition['methods'] = {};
  for (const [path, operations] of Object.entries(record(document.paths))) {
    for (const [key, operation] of Object.entries(record(operations))) {
      const httpMethod = httpMethodOf(key);
      if (httpMethod === null) continue;
      // One requirement naming the authorizer; sigv4 (AWS_IAM) and api_key are not authorizers.
      const security = record(operation)['security'];
      const requirement = Object.entries(Array.isArray(security) ? record(security[0]) : {}).find(
        ([name]) => Object.hasOwn(schemes, name) && record(schemes[name])['x-amazon-apigateway-authtype'] !== 'awsSigv4',
      );
      (methods[path] ??= {})[httpMethod] = { authorizer: requirement?.[0] ?? null, scopes: strings(requirement?.[1]) };
    }
  }
  const used = new Set(Object.values(methods).flatMap((byMethod) => Object.values(byMethod).map((method) => method.authorizer)));
  const authorizers = Object.fromEntries(
    Object.entries(schemes)
      .filter(([name]) => used.has(name))
      .map(([name, scheme]) => [name, deployedAuthorizer(record(scheme) as SecurityScheme)]),
  );
  return { methods, authorizers };
}
