// JSON Schema validation (ajv, draft 2020-12) that explains the first problem in one sentence a person can act
// on: where (file and JSON pointer) and what is wrong.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InputError } from '../errors.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * A validator for a schema, compiled on its first use: compiling costs tens of milliseconds, which a command that
 * never validates that kind of document should not pay at start-up. Schemas are imported as JSON modules
 * (`with { type: 'json' }`), so that the single-file bundle carries them.
 */
export function compileSchema(schema: object, options: { allErrors?: boolean } = {}): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= compileNow(schema, options.allErrors ?? false);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction;
  return validate;
}

function compileNow(schema: object, allErrors: boolean): ValidateFunction {
  // strictTypes off: the if/then subschemas that discriminate Observed<T> carry no "type" of their own.
  // validateSchema off: checking our own schemas against the meta-schema compiles that too, at every start of
  // the CLI; test/json-schemas.test.ts checks them once instead.
  const ajv = new Ajv2020({ allErrors, strict: true, strictTypes: false, allowUnionTypes: true, validateSchema: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

// Combinators report "must match a schema in oneOf" after the error that says what is wrong: skip them.
const COMBINATORS = new Set(['if', 'allOf', 'anyOf', 'oneOf', 'not', '$ref']);

function quoted(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');
}

/** One problem, phrased as "<pointer> must ..." (the pointer is "/" for the document itself). */
function explainSchemaError(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${at} is missing the property "${String(params['missingProperty'])}"`;
    case 'additionalProperties':
      return `${at} has a property this version does not know: "${String(params['additionalProperty'])}"`;
    case 'unevaluatedProperties':
      return `${at} has a property that does not belong there: "${String(params['unevaluatedProperty'])}"`;
    case 'enum':
      return `${at} must be one of ${quoted(params['allowedValues'] as unknown[])}`;
    case 'const':
      return `${at} must be ${quoted([params['allowedValue']])}`;
    case 'type':
      return `${at} must be of type ${String(params['type']).replace(',', ' or ')}`;
    default:
      return `${at} ${error.message ?? 'is not valid'}`;
  }
}

/** Validates `doc` and returns it typed, or throws an InputError about `where` (a file path). */
export function validateAgainst<T>(validate: ValidateFunction, doc: unknown, where: string, what: string): T {
  if (validate(doc)) return doc as T;
  const errors = validate.errors ?? [];
  const first = errors.find((error) => !COMBINATORS.has(error.keyword)) ?? errors[0];
  const problem = first ? explainSchemaError(first) : 'does not match the schema';
  throw new InputError(`${where}: ${problem}. This file is not a valid ${what}; fix it or produce it again.`);
}
