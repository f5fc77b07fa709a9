// Embedded PGlite on a worker thread (./pglite.worker.mjs), spoken to over the PostgreSQL
// wire protocol: pg's Client gets a connection object that serialises its messages with
// pg-protocol, hands the bytes to the worker and parses the answer back into the messages
// pg expects. Queries then run beside the event loop instead of on it, so requests, health
// checks and timers are served while a query runs (issue 20, target 5).
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { serialize } from 'pg-protocol';
import type { BackendMessage } from 'pg-protocol/dist/messages';
import { Parser } from 'pg-protocol/dist/parser';

type Reply = { id: number; bytes?: Uint8Array; error?: string };
type Ready = { type: 'ready' } | { type: 'failed'; message: string };

export interface PgliteThread {
  /** One batch of frontend messages in, the backend's answer out. */
  exec(bytes: Uint8Array): Promise<Uint8Array>;
  /** The data folder as a gzipped tarball, taken between two queries. */
  dump(): Promise<Blob>;
  /** True once the worker closed PGlite or died. */
  gone(): boolean;
  /** Closes PGlite and ends the thread. Safe to call twice. */
  close(): Promise<void>;
  /** pg Pool options that route every client over this thread. */
  poolConfig(): { connection: ThreadConnection; max: 1; user: string; password: string; database: string; host: string; port: number };
}

const CLOSED = 'PGlite is closed';

export async function startPgliteThread(options: { dataDir: string; loadDataDir?: Uint8Array }): Promise<PgliteThread> {
  const worker = new Worker(new URL('./pglite.worker.mjs', import.meta.url), { workerData: options });
  let nextId = 1;
  let dead = false;
  const waiting = new Map<number, { resolve: (reply: Reply) => void }>();
  const ask = (message: { type: 'exec' | 'dump' | 'close'; bytes?: Uint8Array }): Promise<Reply> => {
    if (dead) return Promise.reject(new Error(CLOSED));
    const id = nextId++;
    return new Promise<Reply>((resolve) => {
      waiting.set(id, { resolve });
      worker.postMessage({ id, ...message });
    });
  };
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: Ready | Reply) => {
      if ('type' in message) {
        if (message.type === 'ready') resolve();
        else reject(new Error(message.message));
        return;
      }
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      pending?.resolve(message);
    };
    worker.on('message', onMessage);
    worker.on('error', (error) => reject(error));
    worker.on('exit', () => {
      dead = true;
      reject(new Error(CLOSED));
      for (const pending of waiting.values()) pending.resolve({ id: 0, error: CLOSED });
      waiting.clear();
    });
  });
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const thread: PgliteThread = {
    async exec(bytes) {
      const reply = await ask({ type: 'exec', bytes });
      if (reply.error !== undefined) throw new Error(reply.error);
      return reply.bytes!;
    },
    async dump() {
      const reply = await ask({ type: 'dump' });
      if (reply.error !== undefined) throw new Error(reply.error);
      return new Blob([reply.bytes! as Uint8Array<ArrayBuffer>], { type: 'application/x-gzip' });
    },
    gone: () => dead,
    close: () => (closing ??= (async () => {
      if (!dead) {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        await ask({ type: 'close' }).catch(() => {});
        // The worker ends on its own once its port is closed; terminate is the backstop.
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
        if (!dead) await worker.terminate();
      }
    })()),
    poolConfig: () => ({
      connection: new ThreadConnection(thread),
      max: 1,
      user: 'postgres',
      password: 'unused',
      database: 'postgres',
      host: 'pglite-thread',
      port: 5432,
    }),
  };
  return thread;
}

/**
 * What pg's Client expects of its Connection: methods that send frontend messages, and
 * events named after backend messages. Messages written in one turn (parse, bind, describe,
 * execute, sync) travel to the worker as one batch.
 */
export class ThreadConnection extends EventEmitter {
  // checked by pg's Client.end(), which skips connection.end() without it
  _connecting = false;
  // pg's Client.end() destroys the stream when a query is still active
  readonly stream = { destroy: () => this.end() };
  parsedStatements = {};
  submittedNamedStatements = {};
  #thread: PgliteThread;
  #parser = new Parser();
  #batch: Buffer[] = [];
  #queue: Promise<void> = Promise.resolve();
  #emitMessage = false;

  constructor(thread: PgliteThread) {
    super();
    this.#thread = thread;
    this.on('newListener', (event) => { if (event === 'message') this.#emitMessage = true; });
  }

  #send(buffer: Buffer) {
    this.#batch.push(buffer);
    if (this.#batch.length > 1) return;
    queueMicrotask(() => {
      const bytes = Buffer.concat(this.#batch);
      this.#batch = [];
      this.#queue = this.#queue
        .then(() => this.#thread.exec(bytes))
        .then((answer) => {
          this.#parser.parse(Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength), (message: BackendMessage) => {
            if (this.#emitMessage) this.emit('message', message);
            // pg expects an ErrorResponse as 'errorMessage'
            this.emit(message.name === 'error' ? 'errorMessage' : message.name, message);
          });
        })
        .catch((error) => { this.emit('error', error); });
    });
  }

  async connect(_port: number, _host: string) {
    this._connecting = true;
    if (this.#thread.gone()) {
      process.nextTick(() => this.emit('error', new Error(CLOSED)));
      return;
    }
    process.nextTick(() => this.emit('readyForQuery'));
  }

  requestSsl() {}
  startup(_config: unknown) {}
  cancel(_processId: unknown, _secretKey: unknown) {}
  password(_password: string) {}
  sendSASLInitialResponseMessage(mechanism: string, initialResponse: string) { this.#send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse)); }
  sendSCRAMClientFinalMessage(additionalData: string) { this.#send(serialize.sendSCRAMClientFinalMessage(additionalData)); }
  query(text: string) { this.#send(serialize.query(text)); }
  parse(query: Parameters<typeof serialize.parse>[0]) { this.#send(serialize.parse(query)); }
  bind(config: Parameters<typeof serialize.bind>[0]) { this.#send(serialize.bind(config)); }
  execute(config: Parameters<typeof serialize.execute>[0]) { this.#send(serialize.execute(config)); }
  flush() { this.#send(serialize.flush()); }
  sync() { this.#send(serialize.sync()); }
  close(message: Parameters<typeof serialize.close>[0]) { this.#send(serialize.close(message)); }
  describe(message: Parameters<typeof serialize.describe>[0]) { this.#send(serialize.describe(message)); }
  sendCopyFromChunk(chunk: Buffer) { this.#send(serialize.copyData(chunk)); }
  endCopyFrom() { this.#send(serialize.copyDone()); }
  sendCopyFail(message: string) { this.#send(serialize.copyFail(message)); }
  ref() {}
  unref() {}

  end() {
    // like a socket closing: pg waits for 'end'. The pool reuses this connection for its
    // next client, so the ended client's listeners go now.
    this.#queue = this.#queue.then(() => { this.emit('end'); });
    this.eventNames().filter((e) => e !== 'newListener').forEach((e) => this.removeAllListeners(e));
    this.#emitMessage = false;
  }
}
