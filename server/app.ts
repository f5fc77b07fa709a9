// buildApp: the kernel plugins and every feature, registered explicitly so the route
// table stays greppable and matches the OpenAPI document at /docs.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import compress from '@fastify/compress';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler } from './http/serializer';
import type { Config } from './config';
import type { Database } from './db/database';
import { registerAudience } from './auth/auth.audience';
import { registerErrorHandling } from './http/errors';
import { logRedaction } from './http/logging';
import { registerRateLimits } from './http/rate-limit';
import { registerSecurityHeaders, registerWriteGuards } from './http/security';
import authRoutes from './auth/auth.routes';
import sessionsRoutes from './auth/sessions.routes';
import adminRoutes from './admin/admin.routes';
import invitationsRoutes from './auth/invitations.routes';
import resetRoutes from './auth/reset.routes';
import totpRoutes from './auth/totp.routes';
import { requireMfaIfConfigured } from './auth/totp.verify';
import mailPlugin from './mail/mail.plugin';
import { frameworkErrorOptions } from './http/framework-errors';
import { registerOverloadShedding } from './http/overload';
import healthRoutes, { clientConfig } from './health/health.routes';
import taxonomyRoutes from './taxonomy/taxonomy.routes';
import areasRoutes from './areas/areas.routes';
import organisationsRoutes from './organisations/organisations.routes';
import teamsRoutes from './teams/teams.routes';
import teamsWriteRoutes from './teams/teams.write-routes';
import organisationsWriteRoutes from './organisations/organisations.write-routes';
import locationsRoutes from './locations/locations.routes';
import membershipsRoutes from './memberships/memberships.routes';
import peopleRoutes from './people/people.routes';
import peopleWriteRoutes from './people/people.write-routes';
import mapRoutes from './map/map.routes';
import searchRoutes from './search/search.routes';
import lookupRoutes from './lookup/lookup.routes';
import pathwaysRoutes from './pathways/pathways.routes';
import demoPhotosRoutes from './demo-photos/demo-photos.routes';
import hsdsRoutes from './hsds/hsds.routes';
import csvRoutes from './csv/csv.routes';
import vcardRoutes from './vcard/vcard.routes';
import photosRoutes from './photos/photos.routes';
import meRoutes from './me/me.routes';
import onboardingRoutes from './onboarding/onboarding.routes';
import changesRoutes from './onboarding/changes.routes';
import digestRoutes from './onboarding/digest.routes';
import webRoutes, { WEB_SHELL } from './web/web.routes';
import { cachedExtent } from './map/map.cache';
import metricsPlugin from './metrics/metrics.plugin';
import metricsRoutes from './metrics/metrics.routes';
import { setStalenessPolicy } from './domain/staleness';
import reviewRoutes from './review/review.routes';
import historyRoutes from './history/history.routes';
import insightRoutes from './insight/insight.routes';
import { registerUsageCounting } from './insight/usage.hooks';

const SWAGGER_CSP = "default-src 'self'; base-uri 'self'; object-src 'none'; img-src 'self' data:; "
  + "script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  /** The app's notion of now (sessions, rate limits); tests pass a controllable one. */
  clock?: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** Now, as sessions and rate limits see it; replaceable in tests. */
    clock: () => Date;
  }
}

export async function buildApp({ config, database, logger = false, serveWeb = true, clock = () => new Date() }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { ...(typeof logger === 'object' ? logger : {}), ...logRedaction },
    requestTimeout: 30_000,
    handlerTimeout: 20_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    // Behind a TLS proxy: request.protocol/host/ip come from X-Forwarded-* (Secure cookie, HSTS, origin check, limits).
    trustProxy: config.TRUST_PROXY,
    ...frameworkErrorOptions(WEB_SHELL),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('clock', clock);
  // One staleness rule for every query (domain/staleness.ts), on this app's clock.
  setStalenessPolicy({ afterMonths: config.STALE_AFTER_MONTHS, graceMonths: config.STALE_GRACE_MONTHS, clock: () => app.clock() });
  registerErrorHandling(app);
  // Parse and serialize only: sessions are our own (server/auth/sessions.queries.ts), not @fastify/session.
  await app.register(cookie);
  await registerSecurityHeaders(app);
  registerWriteGuards(app);
  registerAudience(app);
  registerUsageCounting(app);
  // Shed load early (fast 503 + Retry-After) so health stays answerable under overload.
  await registerOverloadShedding(app);
  await registerRateLimits(app);
  // REQUIRE_MFA=editors: writes by editors/admins without TOTP are refused (403 mfa_required).
  app.addHook('preHandler', requireMfaIfConfigured);

  // JSON answers of 1 KB and more go out as br or gzip (quality 4: on the fly, cheap). The
  // web app's files are compressed at build and sent as they are (web.routes.ts); ETags are
  // computed on the uncompressed body before this runs, so 304s keep working.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'], customTypes: /(?:\+|\/)json(?:;|$)/ });
  if (config.METRICS === 'on') await app.register(metricsPlugin);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Wijkweb API', version: '0.1.0', description: 'De sociale kaart van de wijk: teams, mensen en hulp. Personen alleen zoals het publiek ze mag zien.' },
      tags: [{ name: 'directory' }, { name: 'editing' }, { name: 'map' }, { name: 'meta' }, { name: 'auth' }, { name: 'admin' }, { name: 'insight' }],
    },
    transform: jsonSchemaTransform,
  });
  if (config.API_DOCS === 'on') {
    // swagger-ui needs inline styles and its own scripts: its pages get their own CSP.
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: SWAGGER_CSP });
  }

  await app.register(healthRoutes);
  await app.register(taxonomyRoutes);
  await app.register(areasRoutes);
  await app.register(organisationsRoutes);
  await app.register(teamsRoutes);
  await app.register(teamsWriteRoutes);
  await app.register(organisationsWriteRoutes);
  await app.register(locationsRoutes);
  await app.register(membershipsRoutes);
  await app.register(peopleRoutes);
  await app.register(peopleWriteRoutes);
  await app.register(mapRoutes);
  await app.register(searchRoutes);
  await app.register(lookupRoutes);
  await app.register(pathwaysRoutes);
  await app.register(demoPhotosRoutes);
  await app.register(hsdsRoutes);
  await app.register(csvRoutes);
  await app.register(vcardRoutes);
  await app.register(mailPlugin);
  await app.register(photosRoutes);
  await app.register(meRoutes);
  await app.register(authRoutes);
  await app.register(invitationsRoutes);
  await app.register(resetRoutes);
  await app.register(totpRoutes);
  await app.register(sessionsRoutes);
  await app.register(adminRoutes);
  if (config.METRICS === 'on') await app.register(metricsRoutes);
  await app.register(onboardingRoutes);
  await app.register(changesRoutes);
  await app.register(digestRoutes);
  await app.register(reviewRoutes);
  await app.register(historyRoutes);
  await app.register(insightRoutes);
  // The page carries what the map opens with (web/web.routes.ts withBootData): one wave of requests to a first draw.
  if (serveWeb) await app.register(webRoutes, { boot: async () => ({ config: clientConfig(app.config), extent: await cachedExtent(app.database.db) }) });
  return app;
}
