// The one cookie Wijkweb ever sets: `wijkweb_session`, only after a sign-in. Anonymous
// visitors get no cookie at all. HttpOnly (scripts can't read it), SameSite=Lax (not sent
// on cross-site POSTs), Secure whenever the request arrived over TLS.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'wijkweb_session';

function baseOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  reply.setCookie(SESSION_COOKIE, token, { ...baseOptions(request), maxAge });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, baseOptions(request));
}

export const sessionToken = (request: FastifyRequest): string | undefined => request.cookies?.[SESSION_COOKIE];
