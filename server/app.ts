// buildApp: the kernel plugins and every feature, registered explicitly so the route
// table stays greppable and matches the OpenAPI document at /docs.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/database';
import { registerAudience } from './http/audience';
import { registerErrorHandling } from './http/errors';
import { logRedaction } from './http/logging';
import { frameworkErrorOptions } from './http/framework-errors';
import { registerOverloadShedding } from './http/overload';
import healthRoutes from './health/health.routes';
import taxonomyRoutes from './taxonomy/taxonomy.routes';
import areasRoutes from './areas/areas.routes';
import organisationsRoutes from './organisations/organisations.routes';
import teamsRoutes from './teams/teams.routes';
import peopleRoutes from './people/people.routes';
import mapRoutes from './map/map.routes';
import searchRoutes from './search/search.routes';
import lookupRoutes from './lookup/lookup.routes';
import demoPhotosRoutes from './demo-photos/demo-photos.routes';
import webRoutes from './web/web.routes';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
}

export async function buildApp({ config, database, logger = false, serveWeb = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { ...(typeof logger === 'object' ? logger : {}), ...logRedaction },
    requestTimeout: 30_000,
    handlerTimeout: 20_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    ...frameworkErrorOptions,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  registerErrorHandling(app);
  registerAudience(app);
  await registerOverloadShedding(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Wijkweb API', version: '0.1.0', description: 'De sociale kaart van de wijk: teams, mensen en hulp. Personen alleen zoals het publiek ze mag zien.' },
      tags: [{ name: 'directory' }, { name: 'map' }, { name: 'meta' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes);
  await app.register(taxonomyRoutes);
  await app.register(areasRoutes);
  await app.register(organisationsRoutes);
  await app.register(teamsRoutes);
  await app.register(peopleRoutes);
  await app.register(mapRoutes);
  await app.register(searchRoutes);
  await app.register(lookupRoutes);
  await app.register(demoPhotosRoutes);
  if (serveWeb) await app.register(webRoutes);
  return app;
}
