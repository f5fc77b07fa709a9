// Te controleren's calls. Types come from the server's Zod schemas, type-only.
import type { z } from 'zod';
import type { ReviewList } from '../../server/review/review.schemas';
import { getJson, sendJson, withQuery } from '../api/client';

type ReviewData = z.infer<typeof ReviewList>;
export type ReviewRow = ReviewData['items'][number];

export const reviewApi = {
  list: (scope: string | null, signal?: AbortSignal) => getJson<ReviewData>(withQuery('/api/review', { scope }), signal),
  /** "Klopt nog": confirms the record as read (its version as If-Match). */
  verify: (row: Pick<ReviewRow, 'verify_url' | 'version'>) => sendJson('POST', row.verify_url, undefined, { 'if-match': `"${row.version}"` }),
};
