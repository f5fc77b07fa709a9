// @ts-check
// The embedded database on its own thread. PGlite runs every query synchronously, so on the
// main thread a queue of queries starved all I/O (new requests, health, timers). Here it runs
// in a worker_threads Worker; the main thread speaks the PostgreSQL wire protocol to it
// (server/db/pglite-thread.ts), so the app keeps its one `pg` Pool code path.
//
// Plain JavaScript on purpose: a worker is started from a file, and a .mjs file loads the
// same way under tsx, vitest and the compiled server in dist/ (no TypeScript loader needed).
//
// Messages in:  { id, type: 'exec', bytes } | { id, type: 'dump' } | { id, type: 'close' }
// Messages out: { type: 'ready' } | { type: 'failed', message } | { id, bytes } | { id, error }
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {{ dataDir: string, loadDataDir?: Uint8Array }} */
const options = workerData;

/** @type {PGlite} */
let pglite;
try {
  pglite = await PGlite.create(options.dataDir, {
    extensions: { pg_trgm, unaccent },
    // PostgreSQL's default 128 MB of shared buffers sit inside the WebAssembly memory and
    // are all touched at start: 32 MB (the folder's pages stay in the OS cache besides)
    // saves some 90 MB of resident memory on the demo, and a wijk's data fits many times.
    // @ts-ignore defaultStartParams is a static of PGlite the typings leave out
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
  });
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
  throw error;
}

// One request at a time, in arrival order: the protocol is a conversation, and a dump or a
// close waits for the query before it.
/** @type {Promise<unknown>} */
let queue = Promise.resolve();
/** @param {{ id: number, type: 'exec' | 'dump' | 'close', bytes?: Uint8Array }} message */
async function answer(message) {
  const { id } = message;
  try {
    if (message.type === 'exec') {
      const out = await pglite.execProtocolRaw(/** @type {Uint8Array} */ (message.bytes));
      // A copy the worker no longer needs: handed over without a second copy.
      const bytes = out.slice();
      port.postMessage({ id, bytes }, [bytes.buffer]);
    } else if (message.type === 'dump') {
      const blob = await pglite.dumpDataDir('gzip');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      port.postMessage({ id, bytes }, [bytes.buffer]);
    } else {
      if (!pglite.closed) await pglite.close();
      port.postMessage({ id });
      port.close();
    }
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
}
port.on('message', (message) => { queue = queue.then(() => answer(message)); });
port.postMessage({ type: 'ready' });
