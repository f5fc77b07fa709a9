import { z } from 'zod';
import { Uuid } from '../http/schemas';

export const PhotoUploadQuery = z.object({
  consent: z.enum(['0', '1']).optional()
    .describe('1: the person uploads their own photo and hereby allows colleagues to see it (photo_consent)'),
});
export const PhotoParams = z.object({ id: Uuid });
export const PhotoFileParams = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'Must be the 64-character hash from photo_url') });
export const PhotoSaved = z.object({
  photo_url: z.string().describe('/api/photos/<hash>.webp'), hash: z.string(),
  width: z.number().int(), height: z.number().int(),
});
