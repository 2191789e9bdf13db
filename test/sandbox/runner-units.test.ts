// The Lambda runner's pieces that need no worker: framing, log capture, unzip, error documents, bootstraps.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { NODE_BOOTSTRAP } from '../../src/sandbox/runner/bootstrap-node.js';
import { PYTHON_BOOTSTRAP } from '../../src/sandbox/runner/bootstrap-python.js';
import { exitErrorPayload } from '../../src/sandbox/runner/errors.js';
import { EndMarkerScanner, LogTail } from '../../src/sandbox/runner/log-capture.js';
import { encodeFrame, FrameDecoder, FrameTooLargeError } from '../../src/sandbox/runner/protocol.js';
import { InvalidPackageError, unzipTo } from '../../src/sandbox/runner/unzip.js';

const scratch = mkdtempSync(join(tmpdir(), 'runner-units-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('protocol frames', () => {
  test('reassemble however the socket splits them', () => {
    const wire = Buffer.concat([encodeFrame({ n: 1 }, strToU8('{"a": 1}')), encodeFrame({ n: 2 })]);
    const decoder = new FrameDecoder<{ n: number }>(1024);
    const frames = [...wire].flatMap((byte) => decoder.push(Buffer.from([byte])));
    assert.deepEqual(
      frames.map((frame) => [frame.header.n, frame.body.toString()]),
      [
        [1, '{"a": 1}'],
        [2, ''],
      ],
    );
  });

  test('refuse a frame above the limit before buffering it', () => {
    const decoder = new FrameDecoder(100);
    assert.throws(() => decoder.push(encodeFrame({}, new Uint8Array(200)).subarray(0, 8)), FrameTooLargeError);
  });
});

describe('log capture', () => {
  test('keeps only the last bytes', () => {
    const tail = new LogTail(10);
    tail.append('0123456789');
    tail.append(Buffer.from('abcdef'));
    assert.equal(tail.toString(), '6789abcdef');
    tail.append('x'.repeat(50));
    assert.equal(tail.toString(), 'x'.repeat(10));
  });

  test('cuts out an end marker split across chunks and passes what follows on', () => {
    const received: string[] = [];
    let seen = 0;
    const scanner = new EndMarkerScanner((data) => received.push(data.toString()));
    scanner.expect('<END>', () => (seen += 1));
    for (const chunk of ['hello <E', 'N', 'D> after']) scanner.push(Buffer.from(chunk));
    assert.equal(seen, 1);
    assert.equal(received.join(''), 'hello  after');
  });

  test('releases held-back bytes when the stream ends without the marker', () => {
    const received: string[] = [];
    const scanner = new EndMarkerScanner((data) => received.push(data.toString()));
    scanner.expect('<END>', () => assert.fail('no marker was written'));
    scanner.push(Buffer.from('partial <EN'));
    scanner.flush();
    assert.equal(received.join(''), 'partial <EN');
  });
});

describe('unzip', () => {
  test('writes nested files', async () => {
    const root = join(scratch, 'ok');
    await unzipTo(zipSync({ 'pkg/mod.py': strToU8('x = 1\n'), 'lambda_function.py': strToU8('') }), root);
    assert.ok(existsSync(join(root, 'pkg', 'mod.py')));
  });

  test('refuses an entry escaping the folder', async () => {
    const root = join(scratch, 'slip');
    await assert.rejects(unzipTo(zipSync({ '../escaped.py': strToU8('') }), root), InvalidPackageError);
    assert.equal(existsSync(join(scratch, 'escaped.py')), false);
  });
});

describe('platform error documents', () => {
  test('word an exit as the Lambda platform does', () => {
    assert.equal(
      JSON.parse(exitErrorPayload('r1', 0, null)).errorMessage,
      'RequestId: r1 Error: Runtime exited without providing a reason',
    );
    assert.equal(
      JSON.parse(exitErrorPayload('r1', null, 'SIGKILL')).errorMessage,
      'RequestId: r1 Error: Runtime exited with error: signal: killed',
    );
  });
});

describe('bootstraps', () => {
  test('the Python bootstrap compiles', () => {
    const file = join(scratch, 'bootstrap.py');
    writeFileSync(file, PYTHON_BOOTSTRAP);
    assert.doesNotThrow(() => execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' }));
  });

  test('the Node bootstrap parses', () => {
    const file = join(scratch, 'bootstrap.cjs');
    writeFileSync(file, NODE_BOOTSTRAP);
    assert.doesNotThrow(() => execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' }));
  });
});
