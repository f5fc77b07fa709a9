// Errors Fastify raises before any route runs keep the app's contract { error, message,
// details }: a URL that is not valid percent-encoding (FST_ERR_BAD_URL), a path parameter
// beyond maxParamLength, and what Node's HTTP parser rejects on the socket (431 header
// overflow, bytes that are not HTTP, a request that never completes).
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { isMachinePath } from './api-paths';
import { send } from './errors';

function frameworkErrors(webShell: () => string | null) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (error.code === 'FST_ERR_BAD_URL' && wantsWebApp(request, path)) {
      // A mistyped link into the web app: its shell shows a readable error page (with a way
      // back) instead of a JSON blob in the browser.
      const shell = webShell();
      if (shell) return reply.status(400).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
    }
    const code = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : 'bad_request';
    const message = error.code === 'FST_ERR_BAD_URL'
      ? 'Het adres bevat een ongeldige %-codering.'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'Een deel van het adres is te lang.' : 'Ongeldig verzoek.';
    return send(reply, 400, code, message, [{ in: 'path', message: error.message.replace(/'[^']*'/, 'path') }]);
  };
}

function wantsWebApp(request: FastifyRequest, path: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (isMachinePath(path) || !/text\/html/.test(request.headers.accept ?? '')) return false;
  return request.server.hasRoute({ method: 'GET', url: '/*' }); // the web app is served
}

/** The built web app's index.html, read once; null when there is no build. */
function shellReader(file: string): () => string | null {
  let shell: string | null | undefined;
  return () => {
    if (shell === undefined) {
      try { shell = readFileSync(file, 'utf8'); } catch { shell = null; }
    }
    return shell;
  };
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'De headers van het verzoek zijn te groot.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'Het verzoek kwam niet op tijd binnen.'],
  ERR_HTTP_REQUEST_HEADERS_TIMEOUT: [408, 'request_timeout', 'Het verzoek kwam niet op tijd binnen.'],
};

/** Node's HTTP parser refused the request: answer on the raw socket, then close it. */
function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'bad_request', 'Dit is geen geldig HTTP-verzoek.'];
  const body = JSON.stringify({ error: code, message, details: [{ in: 'request', message: STATUS_CODES[status] ?? 'Bad Request' }] });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

/**
 * Spread into the Fastify options in buildApp. `webShellFile` is the web app's index.html
 * (web/web.routes.ts knows where it is built; the kernel does not import a feature).
 */
export function frameworkErrorOptions(webShellFile: string) {
  return { frameworkErrors: frameworkErrors(shellReader(webShellFile)), clientErrorHandler } satisfies Partial<FastifyServerOptions>;
}
