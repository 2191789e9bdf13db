// Read-only, statically: every AWS SDK command the grading path imports or constructs passes the read-only
// guard's own predicate, so adding a write command anywhere in the path fails here before any test runs it.
// The credential providers are a fixed set: fromTemporaryCredentials' one call is sts:AssumeRole, a read-only
// credential exchange made with the instructor's credentials in the instructor's account (batch, --role-arn).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { isReadOperation } from '../../src/target/read-only-guard.js';
import { gradingPathFiles, sdkUseOf, sdkUseOfFiles, WRITING_FOLDERS, type SdkUse } from './support/grading-path.js';

const CREDENTIAL_PROVIDERS = ['fromIni', 'fromNodeProviderChain', 'fromTemporaryCredentials'];
/** The five grading clients (src/target/clients.ts); an aggregated client (`new IAM()`) would have a method per operation. */
const CLIENT_CLASSES = /^(APIGateway|CognitoIdentityProvider|IAM|Lambda|STS)Client$/;

const operationOf = (command: string): string => command.replace(/Command$/, '');

describe('the grading path, read statically', () => {
  let files: string[];
  let use: SdkUse;
  before(async () => {
    files = await gradingPathFiles();
    use = await sdkUseOfFiles(files);
  });

  test('it reaches neither the sandbox, the demo nor the reference solution', () => {
    assert.ok(files.includes('src/cli/commands/grade.ts') && files.includes('src/collect/cognito.ts') && files.includes('src/batch/run.ts'), files.join('\n'));
    assert.deepEqual(files.filter((file) => WRITING_FOLDERS.some((folder) => file.startsWith(folder))), []);
  });

  test('every SDK command it uses is a read (or InitiateAuth)', () => {
    // The collectors' and the probe's commands are all found: the scan is not blind.
    for (const expected of ['ListUserPoolsCommand', 'GetRestApisCommand', 'GetFunctionCommand', 'GetCallerIdentityCommand', 'InitiateAuthCommand']) {
      assert.ok(use.commands.has(expected), `${expected} found`);
    }
    assert.deepEqual([...use.commands].filter((command) => !isReadOperation(operationOf(command))), [], 'commands that are not reads');
  });

  test('nothing else of the SDK can send: only the five clients, known credential providers, no opaque imports', () => {
    assert.deepEqual([...use.otherClientImports].filter((name) => !CLIENT_CLASSES.test(name)), []);
    assert.deepEqual([...use.credentialProviders].filter((name) => !CREDENTIAL_PROVIDERS.includes(name)), []);
    assert.deepEqual(use.opaqueImports, []);
  });

  test('the scan finds a write command however it is written', () => {
    const written = [
      "import { ListUserPoolsCommand, CreateUserPoolCommand as Make } from '@aws-sdk/client-cognito-identity-provider';",
      "import {\n  type GetRoleCommandOutput,\n  DeleteRoleCommand,\n} from '@aws-sdk/client-iam';",
      'await client.send(new UpdateFunctionCodeCommand({}));',
    ].join('\n');
    const found = sdkUseOf(written);
    assert.deepEqual([...found.commands].filter((command) => !isReadOperation(operationOf(command))).sort(), ['CreateUserPoolCommand', 'DeleteRoleCommand', 'UpdateFunctionCodeCommand']);
    assert.equal(sdkUseOf("const iam = await import('@aws-sdk/client-iam');").opaqueImports.length, 1);
    assert.ok(sdkUseOf("import { IAM } from '@aws-sdk/client-iam';").otherClientImports.has('IAM'));
  });
});
