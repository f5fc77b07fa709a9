// When a handler outlives handlerTimeout, Fastify answers 503 and the handler's late result
// would then be sent a second time ("Reply was already sent"). This hook answers the
// timeout itself, in the contract, and hijacks the reply so a late result is dropped
// quietly. Database work rarely gets here: statement_timeout and the pool's connect
// timeout (server/db/database.ts) end a single query before the handler timeout.
import type { FastifyInstance } from 'fastify';

const BODY = JSON.stringify({ error: 'timeout', message: 'Het verzoek duurde te lang.', details: [] });

export function answerHandlerTimeouts(app: FastifyInstance, retryAfterS: number): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (!(request.routeOptions.handlerTimeout > 0)) return done();
    request.signal.addEventListener('abort', () => {
      const reason = request.signal.reason as { code?: string } | undefined;
      if (reason?.code !== 'FST_ERR_HANDLER_TIMEOUT' || reply.sent || reply.raw.headersSent) return;
      request.log.warn({ url: request.routeOptions.url }, 'handler timed out');
      reply.hijack();
      reply.raw.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterS), 'content-length': Buffer.byteLength(BODY) });
      reply.raw.end(BODY);
    }, { once: true });
    done();
  });
}
