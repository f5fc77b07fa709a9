// Where counting meets the app: the counter lives on the app instance, a timer writes it once
// a minute, closing the app writes the rest. Search and lookup call `searched` / `lookedUp`
// with their answer (one call each); both only read what was asked and found, never the
// request, so no cookie, address, user agent or session can reach a count.
import type { FastifyInstance } from 'fastify';
import { FLUSH_EVERY_MS, UsageCounter } from './usage.counter';

declare module 'fastify' {
  interface FastifyInstance {
    /** Usage counted as weekly aggregates (insight); see insight/usage.counter.ts. */
    usage: UsageCounter;
  }
}

/** Registers the counter, its once-a-minute write (on the app's clock) and the write on close. */
export function registerUsageCounting(app: FastifyInstance): void {
  const counter = new UsageCounter(app.database.db, () => app.clock());
  app.decorate('usage', counter);
  // The timer only asks; whether a minute has passed is the app's clock's to say (tests move it).
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => { counter.tick().catch((error) => app.log.warn({ err: error }, 'usage counts not written yet')); }, Math.min(FLUSH_EVERY_MS, 10_000));
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await counter.flush().catch((error) => app.log.warn({ err: error }, 'usage counts lost on close'));
  });
}

interface SearchAnswer { total: number; items: readonly { kind: string; id: string }[] }

/** Counts a search (term, zero results, topics asked) and returns its answer unchanged. */
export function searched<T extends SearchAnswer>(app: FastifyInstance, query: { q: string; topic?: readonly string[]; area?: string }, answer: T): T {
  const topics = [...(query.topic ?? []), ...answer.items.filter((i) => i.kind === 'topic').map((i) => i.id)];
  app.usage?.search(query.q, answer.total, topics, query.area);
  return answer;
}

/** Counts an address look-up for its buurt and returns its answer unchanged. */
export function lookedUp<T extends { area: { buurt: { code: string } | null } }>(app: FastifyInstance, answer: T): T {
  app.usage?.lookup(answer.area.buurt?.code);
  return answer;
}
