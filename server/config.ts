// The environment, parsed once with Zod. Everything configurable lives here.
import { z } from 'zod';

const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo wijk into an empty database on start. */
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /** Base URL of the PDOK Locatieserver (or a compatible geocoder). Empty or "off": no geocoder. */
  GEOCODER_URL: z.string().default('https://api.pdok.nl/bzk/locatieserver/search/v3_1')
    .transform((url) => (url.trim().toLowerCase() === 'off' ? '' : url.trim())),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().positive().default(2500),
  /** Base map tiles, handed to the web app. */
  TILE_URL: z.string().default('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z.string().default('Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>'),
  /** Seconds to let in-flight requests finish on SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_S: z.coerce.number().positive().default(10),
  /** Prometheus metrics at /metrics (request rate and latency per route, pool use). */
  METRICS: z.enum(['on', 'off']).default('off'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", except where empty is a setting of its own.
  const keepEmpty = new Set(['GEOCODER_URL']);
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && (v !== '' || keepEmpty.has(k))));
  // A production start (NODE_ENV=production: npm run start:prod, the Docker image) never
  // fills a real directory with the fictional demo wijk unless asked to.
  if (env.NODE_ENV === 'production' && cleaned.SEED_DEMO === undefined) cleaned.SEED_DEMO = 'never';
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
