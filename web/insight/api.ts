// Insight's calls. Types come from the server's Zod schemas, type-only.
import type { z } from 'zod';
import type { Coverage, Usage } from '../../server/insight/insight.schemas';
import { getJson, withQuery } from '../api/client';

export type CoverageData = z.infer<typeof Coverage>;
export type UsageData = z.infer<typeof Usage>;

export const insightApi = {
  coverage: (area: string, signal?: AbortSignal) => getJson<CoverageData>(withQuery('/api/insight/coverage', { area }), signal),
  usage: (area: string, signal?: AbortSignal) => getJson<UsageData>(withQuery('/api/insight/usage', { area }), signal),
  csvUrl: (area: string) => withQuery('/api/insight/coverage', { area, format: 'csv' }),
};

/** Who sees insight: the gemeente's analist and admins (the server decides; this only hides the link). */
export const seesInsight = (role: string | undefined) => role === 'analist' || role === 'admin';
