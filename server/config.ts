// The environment, parsed once with Zod. Everything configurable lives here.
import { z } from 'zod';
import { TEAM_TYPE_KEYS } from './domain/team-types';

/** Insight's default basic set (issue 17): sociaal wijkteam, jeugd- en gezinsteam, huisarts,
 *  wijkverpleging, opbouwwerk, jongerenwerk, ouderenwerk, mantelzorgsteun, schuldhulp. */
export const DEFAULT_INSIGHT_TEAM_TYPES = ['social_district_team', 'youth_family_team', 'gp_practice', 'district_nursing',
  'community_development', 'youth_work', 'elderly_welfare', 'informal_care_support', 'debt_counselling'] as const;

const flag = z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Load the demo wijk (and its demo accounts) into an empty database on start.
   *  Default `auto`, but `never` under NODE_ENV=production, where `auto` is refused. */
  SEED_DEMO: z.enum(['auto', 'never']).optional(),
  /** Base URL of the PDOK Locatieserver (or a compatible geocoder). Empty or "off": no geocoder. */
  GEOCODER_URL: z.string().default('https://api.pdok.nl/bzk/locatieserver/search/v3_1')
    .transform((url) => (url.trim().toLowerCase() === 'off' ? '' : url.trim())),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().positive().default(2500),
  /** Base map tiles, handed to the web app. */
  TILE_URL: z.string().default('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z.string().default('Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>'),
  /** Seconds to let in-flight requests finish on SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_S: z.coerce.number().positive().default(10),
  /** Behind a TLS-terminating proxy: believe X-Forwarded-Proto/-Host/-For. */
  TRUST_PROXY: flag.default(false),
  /** A session ends after this many hours without a request... */
  SESSION_IDLE_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  /** ...and in any case this many days after sign-in. */
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().max(365).default(30),
  /** /docs and /docs/json: on by default, off under NODE_ENV=production unless `on`. */
  API_DOCS: z.enum(['on', 'off']).optional(),
  /** Second factor (TOTP): `editors` requires it of editors and admins. */
  REQUIRE_MFA: z.enum(['off', 'editors']).default('off'),
  /** Outgoing mail (invitations, password reset), e.g. smtp://user:pass@host:587; unset: no mail. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Wijkweb <noreply@wijkweb.invalid>'),
  /** Public base URL of this installation, used in links sent by mail. Required in production;
   *  elsewhere, unset, the address the app is served on. */
  APP_URL: z.string().url().optional(),
  /** API requests handled at once (default: 4 per database connection, at least 8); 16 per running request may wait, more get a fast 503. */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Prometheus metrics at /metrics (request rate and latency per route, pool use). */
  METRICS: z.enum(['on', 'off']).default('off'),
  /** A team or person not verified for this many months is marked stale ("te controleren"). */
  STALE_AFTER_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** ...and this many months later hidden from residents (professionals still see it, marked). */
  STALE_GRACE_MONTHS: z.coerce.number().int().min(0).max(120).default(3),
  /** Insight: the basic set of team types every buurt should have, comma-separated keys (coverage and its gaps). */
  INSIGHT_TEAM_TYPES: z.string().default(DEFAULT_INSIGHT_TEAM_TYPES.join(','))
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(z.enum(TEAM_TYPE_KEYS)).min(1).max(TEAM_TYPE_KEYS.length)),
});

/** Every setting Wijkweb reads from the environment (the README's table lists exactly these). */
export const SETTINGS = Object.keys(ConfigSchema.shape) as (keyof typeof ConfigSchema.shape)[];

/** Where a browser on this machine reaches the app: the development stand-in for APP_URL. */
const servedUrl = (host: string, port: number) => {
  const local = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}`;
};

/** The parsed configuration with the production-dependent defaults filled in. */
const Resolved = ConfigSchema.transform((c) => ({
  ...c,
  SEED_DEMO: c.SEED_DEMO ?? (c.NODE_ENV === 'production' ? 'never' : 'auto'),
  API_DOCS: c.API_DOCS ?? (c.NODE_ENV === 'production' ? 'off' : 'on'),
  APP_URL: c.APP_URL ?? servedUrl(c.HOST, c.PORT),
  /** APP_URL was not given: links use the address the app is served on (main.ts keeps it true). */
  appUrlFromServer: c.APP_URL === undefined,
} as const));

export type Config = z.output<typeof Resolved>;

/** A setting that is wrong or missing: the message is one line per setting, naming it and the fix. */
export class SettingsError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'SettingsError';
  }
}

// What a setting should look like, said in the message when its value is refused.
const EXAMPLES: Partial<Record<string, string>> = {
  DATABASE_URL: 'e.g. postgres://user:password@host:5432/wijkweb, or leave it unset for the embedded database',
  PORT: 'a port number from 0 to 65535, e.g. 3000',
  SMTP_URL: 'e.g. smtp://user:password@mail.example.nl:587',
  APP_URL: 'the public address, e.g. https://wijkweb.gemeente.nl',
  TRUST_PROXY: 'true or false',
  INSIGHT_TEAM_TYPES: `team type keys separated by commas, e.g. ${DEFAULT_INSIGHT_TEAM_TYPES.slice(0, 3).join(',')}`,
};

function issueLine(issue: z.core.$ZodIssue, env: Record<string, string>): string {
  const name = String(issue.path[0] ?? '?');
  const given = env[name] === undefined ? '' : `=${JSON.stringify(env[name])}`;
  const choices = 'values' in issue && Array.isArray(issue.values) ? `one of ${issue.values.join(', ')}` : undefined;
  const fix = choices ?? EXAMPLES[name] ?? issue.message;
  return `Setting ${name}${given} is not valid: use ${fix}.`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", except where empty is a setting of its own.
  const keepEmpty = new Set(['GEOCODER_URL']);
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && (v !== '' || keepEmpty.has(k)))) as Record<string, string>;
  const parsed = Resolved.safeParse(cleaned);
  if (!parsed.success) throw new SettingsError(parsed.error.issues.map((i) => issueLine(i, cleaned)));
  return parsed.data;
}

/** Refuses settings that are unsafe in production: the demo accounts share a known password. */
export function assertSafeForProduction(config: Config): void {
  if (config.NODE_ENV === 'production' && config.SEED_DEMO === 'auto') {
    throw new SettingsError(['SEED_DEMO=auto is not allowed with NODE_ENV=production: the demo accounts share a published password. '
      + 'Leave SEED_DEMO unset (never) and create the first admin with the user:create command.']);
  }
}

/** Everything production needs before it may start, one line per missing or unsafe setting. */
function productionProblems(config: Config): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (config.SEED_DEMO === 'auto') problems.push('SEED_DEMO=auto is not allowed with NODE_ENV=production (the demo accounts share a published password): leave SEED_DEMO unset.');
  if (!config.SMTP_URL) problems.push('SMTP_URL is not set: production sends invitations and password resets by mail. Set SMTP_URL, e.g. smtp://user:password@mail.example.nl:587.');
  if (config.appUrlFromServer) problems.push('APP_URL is not set: production puts it in every link it mails. Set APP_URL to the public address, e.g. https://wijkweb.gemeente.nl.');
  return problems;
}

/** The settings a start (or a command) runs with, or a SettingsError saying what to fix. */
export function loadStartableConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env);
  const problems = productionProblems(config);
  if (problems.length) throw new SettingsError(problems);
  return config;
}
