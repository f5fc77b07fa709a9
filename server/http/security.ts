// Response headers (helmet) and the cross-site rules for writes. Every response gets the
// headers; a write (POST/PUT/PATCH/DELETE) carrying a session cookie must come from the
// app's own origin, and a write with a body must be JSON (so a foreign form can't send it
// and a foreign script can't without a CORS preflight, which nothing here answers).
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors';
import { ErrorBody } from './schemas';
import { sessionToken } from './session-cookie';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Body media types a write route accepts besides nothing; default only application/json (e.g. ['text/csv'] for an import). */
    bodyTypes?: readonly string[];
  }
}

/** The origin tiles are fetched from (a TILE_URL template such as https://host/{z}/{x}/{y}.png). */
function tileOrigin(tileUrl: string): string | null {
  try {
    const url = new URL(tileUrl.replace(/\{[^}]*\}/g, '0'));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const tiles = tileOrigin(app.config.TILE_URL);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(tiles ? [tiles] : [])],
        // The map's Leaflet divIcon markers carry style="" attributes (colour, cluster size)
        // set through innerHTML; <style> elements and inline scripts stay forbidden.
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only for requests that really came over TLS (see below): on plain http it
    // would be ignored anyway, and a development install on 127.0.0.1 must not pin https.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}

/** The origin the browser used to reach us: scheme + Host (X-Forwarded-* when TRUST_PROXY). */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`.toLowerCase();
}

export function registerWriteGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!WRITES.has(request.method)) return;
    // Only requests that carry a session can ride on someone's sign-in; anonymous writes
    // (sign-in itself) are covered by SameSite=Lax and the JSON-only rule.
    if (sessionToken(request) === undefined) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (origin !== undefined ? origin.toLowerCase() !== ownOrigin(request) : fetchSite === 'cross-site') {
      throw new HttpError(403, 'forbidden_origin', 'Dit verzoek komt van een andere website en is geweigerd. / This request comes from another site and was refused.');
    }
  });

  // Every write route can answer the 415 below, so each declares it in /docs/json: added
  // here once rather than in every route file (and kept where a route declares its own).
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (response && methods.some((m) => WRITES.has(m)) && !('415' in response)) response['415'] = ErrorBody;
  });

  // Writes with a body must be JSON; Fastify's own parser would 415 too, but with its own
  // wording and only for types it doesn't know (it knows text/plain).
  app.addHook('onRequest', async (request) => {
    if (!WRITES.has(request.method)) return;
    const length = request.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const allowed = request.routeOptions.config?.bodyTypes ?? ['application/json'];
    if (!allowed.includes(type)) {
      throw new HttpError(415, 'unsupported_media_type', 'Stuur de gegevens als JSON (content-type: application/json).', [{ field: 'content-type', in: 'header', message: 'must be application/json' }]);
    }
  });
}
