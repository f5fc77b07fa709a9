// Under overload the server sheds work with a fast 503 + Retry-After instead of queueing it
// until every request (health included) takes seconds. Two signals, both cheap to read:
//  - requests in flight: a few per database connection run at once; the next ones wait their
//    turn in a short queue here (QUEUE_PER_SLOT per running request), and beyond that queue
//    a request is refused at once. So 100 users clicking together are served a moment later,
//    instead of one in ten being served while the loop is kept busy refusing the rest; a
//    burst bigger than the queue is shed. A request that has waited GIVE_UP_MS after all
//    (the database stalled) is refused when its turn comes, so no answer waits for ever.
//  - memory (@fastify/under-pressure): near the heap limit new work is refused rather than
//    risking an out-of-memory kill. Its event-loop-delay check is deliberately off: a
//    PGlite handed in by the caller (and the tests' copies) still runs on this loop, and
//    one slow query (or a migration at start) would then shed the next, unrelated requests.
//    The server's own embedded database runs on a worker thread (db/pglite-thread.ts).
// /api/health is exempt (route config `overload: 'exempt'`), so it stays answerable.
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isMachinePath } from './api-paths';
import { RETRY_AFTER_S, send } from './errors';

/** Requests that may wait per request running: the queue's length is QUEUE_PER_SLOT × maxInFlight. */
export const QUEUE_PER_SLOT = 16;
/** A request that waited this long for its turn is refused when it comes. */
export const GIVE_UP_MS = 3000;

interface OverloadOptions {
  /** API requests run at once; more wait in the queue. Default: MAX_IN_FLIGHT, else 4 per
   * database connection and at least 8 (one page of the web app fires several at once). */
  maxInFlight?: number;
  /** Heap in use (bytes) above which new requests are refused. Default: 90 % of V8's limit. */
  maxHeapUsedBytes?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig { overload?: 'exempt' }
}

const exempt = (request: FastifyRequest) => request.routeOptions.config?.overload === 'exempt';

const MESSAGE = 'Het is nu erg druk. Probeer het over een paar seconden opnieuw.';

function prepare(reply: FastifyReply) {
  return reply.status(503).header('retry-after', String(RETRY_AFTER_S)).type('application/json; charset=utf-8');
}

export async function registerOverloadShedding(app: FastifyInstance, options: OverloadOptions = {}): Promise<void> {
  const maxInFlight = options.maxInFlight ?? app.config.MAX_IN_FLIGHT ?? Math.max(8, 4 * app.database.capacity);
  let inFlight = 0;
  await app.register(underPressure, {
    maxHeapUsedBytes: options.maxHeapUsedBytes ?? Math.round(0.9 * getHeapStatistics().heap_size_limit),
    retryAfter: RETRY_AFTER_S,
    // Returning nothing lets the request pass; returning a body makes under-pressure send it.
    pressureHandler: ((request: FastifyRequest, reply: FastifyReply, type: string) => {
      if (exempt(request)) return undefined;
      prepare(reply);
      return { error: 'overloaded', message: MESSAGE, details: [{ message: `under pressure: ${type}` }] };
    }) as unknown as (request: FastifyRequest, reply: FastifyReply, type: string) => void,
  });
  const maxQueued = QUEUE_PER_SLOT * maxInFlight;
  const running = new WeakSet<FastifyRequest>();
  interface Waiting { request: FastifyRequest; reply: FastifyReply; done: () => void; at: number }
  const queue: Waiting[] = [];
  const shed = (reply: FastifyReply, why: string) => send(prepare(reply), 503, 'overloaded', MESSAGE, [{ message: why }]);
  const admit = (request: FastifyRequest) => { inFlight++; running.add(request); };
  const drain = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const next = queue.shift()!;
      if (next.request.raw.destroyed) continue; // the client went away while waiting
      if (performance.now() - next.at > GIVE_UP_MS) { shed(next.reply, 'waited too long'); continue; }
      admit(next.request);
      next.done();
    }
  };

  app.addHook('onRequest', (request, reply, done) => {
    if (exempt(request) || !isMachinePath(request.url)) return done();
    if (inFlight < maxInFlight) {
      admit(request);
      return done();
    }
    if (queue.length >= maxQueued) {
      shed(reply, 'too many requests waiting');
      return;
    }
    queue.push({ request, reply, done, at: performance.now() });
  });
  // onResponse runs for every finished request, also one whose client went away
  const finish = (request: FastifyRequest) => {
    if (!running.delete(request)) {
      const waiting = queue.findIndex((w) => w.request === request);
      if (waiting >= 0) queue.splice(waiting, 1);
      return;
    }
    inFlight--;
    drain();
  };
  app.addHook('onResponse', async (request) => finish(request));
  app.addHook('onRequestAbort', async (request) => finish(request));
}
