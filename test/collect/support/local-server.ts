// A local HTTP server standing in for AWS: counts the requests that reach it and answers as told.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface LocalServer {
  endpoint: string;
  /** Requests received so far. */
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

/** `respond` returning false leaves the request hanging (for timeouts). */
export async function startLocalServer(respond: (request: IncomingMessage, body: string, response: ServerResponse) => boolean): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      respond(request, body, response);
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}

/** Listens on a free loopback port; close() also ends the connections still open (keep-alive, held answers). */
export async function listenOnLoopback(server: Server): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** STS's awsQuery answer to GetCallerIdentity. */
export function callerIdentityXml(account: string): string {
  return (
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
    `<Arn>arn:aws:iam::${account}:user/grader</Arn><UserId>AIDAEXAMPLE</UserId><Account>${account}</Account>` +
    '</GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>'
  );
}

/** STS's awsQuery error document. */
export function stsErrorXml(code: string, message: string): string {
  return (
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
    `<Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`
  );
}
