// The bootstrap every python3.x worker runs (`python3 -u bootstrap.py`): the sandbox's stand-in for Lambda's
// Python runtime interface client. Kept as a string so the single-file bundle carries it; written to the
// worker's folder at start. Error documents, log lines and handler loading follow awslambdaric's behaviour.
// String.raw: the Python source must contain no backtick and no dollar-brace.

export const PYTHON_BOOTSTRAP_FILE = 'bootstrap.py';

export const PYTHON_BOOTSTRAP = String.raw`
import importlib
import json
import logging
import os
import signal
import struct
import sys
import threading
import time
import traceback

CHANNEL_FD = 3
BOOTSTRAP_PATH = os.path.abspath(__file__)
current_request_id = ''


class Fault(Exception):
    """An error the runtime itself reports (Runtime.*), as opposed to one raised by the handler."""

    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_exact(size):
    chunks = []
    while size:
        chunk = os.read(CHANNEL_FD, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b''.join(chunks)


def read_frame():
    prefix = read_exact(8)
    if prefix is None:
        return None
    header_length, body_length = struct.unpack('>II', prefix)
    header = read_exact(header_length)
    body = read_exact(body_length)
    if header is None or body is None:
        return None
    return json.loads(header), body


def write_frame(header, body=b''):
    header_bytes = json.dumps(header).encode('utf-8')
    write_all(CHANNEL_FD, struct.pack('>II', len(header_bytes), len(body)) + header_bytes + body)


def make_error(message, error_type, trace, request_id):
    return {
        'errorMessage': message or '',
        'errorType': error_type or '',
        'requestId': request_id,
        'stackTrace': trace or [],
    }


def error_from_exception(request_id):
    error_type, value, tb = sys.exc_info()
    frames = traceback.extract_tb(tb)
    while frames and frames[0].filename == BOOTSTRAP_PATH:
        frames = frames[1:]
    return make_error(str(value), error_type.__name__, traceback.format_list(frames), request_id)


def log_error(error):
    # One log event: Lambda joins the lines with \r and indents the trace with no-break spaces.
    description = '[ERROR] ' + error['errorType'] + ': ' + error['errorMessage']
    lines = [description, 'Traceback (most recent call last):']
    for element in error['stackTrace']:
        for line in element.splitlines():
            stripped = line.lstrip(' ')
            lines.append('\u00a0' * (len(line) - len(stripped)) + stripped)
    sys.stdout.write('\r'.join(lines) + '\n')


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = current_request_id
        return True


def setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    formatter = logging.Formatter(
        '[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s', '%Y-%m-%dT%H:%M:%S'
    )
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    handler.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(handler)


class CognitoIdentity(object):
    cognito_identity_id = None
    cognito_identity_pool_id = None


class LambdaContext(object):
    def __init__(self, header):
        self.aws_request_id = header['requestId']
        self.invoked_function_arn = header['invokedFunctionArn']
        self.function_name = os.environ.get('AWS_LAMBDA_FUNCTION_NAME')
        self.function_version = os.environ.get('AWS_LAMBDA_FUNCTION_VERSION')
        self.memory_limit_in_mb = os.environ.get('AWS_LAMBDA_FUNCTION_MEMORY_SIZE')
        self.log_group_name = os.environ.get('AWS_LAMBDA_LOG_GROUP_NAME')
        self.log_stream_name = os.environ.get('AWS_LAMBDA_LOG_STREAM_NAME')
        self.client_context = None
        self.identity = CognitoIdentity()
        self._deadline_ms = header['deadlineMs']

    def get_remaining_time_in_millis(self):
        return max(self._deadline_ms - int(time.time() * 1000), 0)

    def log(self, message):
        sys.stdout.write(str(message))


def load_handler(handler):
    try:
        module_name, function_name = handler.rsplit('.', 1)
    except ValueError as e:
        raise Fault('Runtime.MalformedHandlerName', "Bad handler '%s': %s" % (handler, e))
    try:
        if module_name.split('.')[0] in sys.builtin_module_names:
            raise Fault(
                'Runtime.BuiltInModuleConflict', 'Cannot use built-in module %s as a handler module' % module_name
            )
        module = importlib.import_module(module_name.replace('/', '.'))
    except ImportError as e:
        raise Fault('Runtime.ImportModuleError', "Unable to import module '%s': %s" % (module_name, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise Fault('Runtime.UserCodeSyntaxError', "Syntax error in module '%s': %s" % (module_name, e), trace)
    try:
        return getattr(module, function_name)
    except AttributeError:
        raise Fault('Runtime.HandlerNotFound', "Handler '%s' missing on module '%s'" % (function_name, module_name))


def run_handler(request_handler, header, body):
    """Returns (ok, payload bytes)."""
    request_id = header['requestId']
    try:
        try:
            event = json.loads(body)
        except ValueError as e:
            raise Fault('Runtime.UnmarshalError', 'Unable to unmarshal input: %s' % e)
        response = request_handler(event, LambdaContext(header))
        if isinstance(response, bytes):
            return True, response
        try:
            return True, json.dumps(response).encode('utf-8')
        except Exception as e:
            raise Fault('Runtime.MarshalError', 'Unable to marshal response: %s' % e)
    except Fault as fault:
        error = make_error(fault.message, fault.error_type, fault.trace, request_id)
    except Exception:
        error = error_from_exception(request_id)
    log_error(error)
    return False, json.dumps(error).encode('utf-8')


def reply(header, ok, payload, fatal=False):
    # Everything the handler printed precedes the end marker on both streams: the runner waits for both.
    for stream, fd in ((sys.stdout, 1), (sys.stderr, 2)):
        try:
            stream.flush()
        except Exception:
            pass
        write_all(fd, header['endMarker'].encode('utf-8'))
    if len(payload) > header['maxResponseBytes']:
        write_frame({'type': 'result', 'ok': False, 'tooLargeBytes': len(payload), 'fatal': fatal})
    else:
        write_frame({'type': 'result', 'ok': ok, 'fatal': fatal}, payload)


def become_subreaper():
    # Linux: an orphaned descendant (a double-forked daemon) is reparented to this process rather than to
    # init, so the runner still finds it among the worker's descendants when it kills the worker.
    try:
        import ctypes
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass


def exit_when_orphaned():
    # Should the runner die without killing us, do not linger: take the whole process group down.
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os.killpg(0, signal.SIGKILL)

    threading.Thread(target=watch, daemon=True).start()


def main():
    global current_request_id
    sys.path[0] = os.environ['LAMBDA_TASK_ROOT']
    become_subreaper()
    exit_when_orphaned()
    setup_logging()
    request_handler, init_error = None, None
    try:
        request_handler = load_handler(os.environ['_HANDLER'])
    except Fault as fault:
        init_error = make_error(fault.message, fault.error_type, fault.trace, '')
    except Exception:
        init_error = error_from_exception('')
    # Init is over: the function's timeout runs from the invocation, as in Lambda.
    write_frame({'type': 'ready'})
    while True:
        frame = read_frame()
        if frame is None:
            return
        header, body = frame
        current_request_id = header['requestId']
        if init_error is not None:
            # Lambda reports a failed init on the invocation, then starts a fresh environment for the next one.
            log_error(init_error)
            reply(header, False, json.dumps(init_error).encode('utf-8'), fatal=True)
            return
        ok, payload = run_handler(request_handler, header, body)
        reply(header, ok, payload)


if __name__ == '__main__':
    main()
`;
