// A local stand-in for the tile service (PDOK's WMTS) in browser benches: every
// /{z}/{x}/{y}.png is the same blank PNG, cacheable like the real tiles. A server rather
// than Playwright's request interception: with any route set, Chromium hands every request
// (the app's own API calls too) to the bench process before sending it, which added 100 to
// 250 ms to each API answer of a first draw, more than the app itself took.
import { createServer } from 'node:http';

// A 1×1 transparent PNG: the image element scales it to the tile's size.
const BLANK_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

export interface TileServer { url: string; close(): Promise<void> }

/** A tile server on a loopback port; `url` is a TILE_URL template for the app. */
export async function startBlankTiles(): Promise<TileServer> {
  const server = createServer((request, reply) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) { reply.writeHead(404).end(); return; }
    reply.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400', 'access-control-allow-origin': '*' }).end(BLANK_PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, close: () => new Promise((resolve) => { server.close(() => resolve()); }) };
}

/**
 * Chromium flags that keep a bench off the network without interception: every host name
 * but loopback resolves to nothing, so an outside request fails at once.
 */
export const OFFLINE_BROWSER_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];
