// 405 instead of 404 when the path exists for another method. Fastify 5 answers any
// unmatched method with its not-found handler, so that handler asks the router which
// methods would have matched this concrete path, and names them in `Allow` (RFC 9110).
import type { FastifyInstance } from 'fastify';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Methods with a route for this path; the web app's catch-all (`/*`) does not count. */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path });
    // A wildcard match is the SPA fallback or a static folder, never a resource of its own
    return route !== null && !('*' in (route.params ?? {}));
  });
}
