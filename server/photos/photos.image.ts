// Checking and re-encoding an uploaded portrait. What a file IS decides, never its name or
// the Content-Type it came with: the first bytes must be a JPEG, PNG or WebP signature and
// sharp must read it as that same format. Then it is decoded and encoded afresh as a WebP
// of at most 512×512 — which keeps pixels only: EXIF (GPS!), XMP, ICC and anything glued
// after the image (an HTML or script tail of a polyglot) do not survive. Never call
// withMetadata/keepExif here.
import { createHash } from 'node:crypto';
import type { OutputInfo } from 'sharp';
import { HttpError } from '../http/errors';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_MAX_SIDE = 512;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
// A 5 MB PNG can unpack to gigabytes; 40 megapixels is plenty for any phone photo.
const MAX_INPUT_PIXELS = 40_000_000;

type Format = 'jpeg' | 'png' | 'webp';

/** The format the leading bytes announce, or null. */
function sniffFormat(bytes: Uint8Array): Format | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

const unsupported = () => new HttpError(415, 'unsupported_image',
  'Dit bestand is geen JPEG-, PNG- of WebP-foto. / This file is not a JPEG, PNG or WebP image.',
  [{ field: 'body', in: 'body', message: 'The content is not a JPEG, PNG or WebP image' }]);
const unreadable = () => new HttpError(400, 'invalid_image',
  'Deze foto kan niet gelezen worden. Probeer een andere. / This image cannot be read; try another one.',
  [{ field: 'body', in: 'body', message: 'The image is damaged, too large in pixels or not what its header says' }]);

export interface ProcessedPhoto { bytes: Buffer; hash: string; width: number; height: number; contentType: 'image/webp' }

/** Checks an upload by content and re-encodes it; 415 for other types, 400 for broken images. */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  const format = sniffFormat(input);
  if (!format) throw unsupported();
  const options = { failOn: 'error' as const, limitInputPixels: MAX_INPUT_PIXELS };
  let output: { data: Buffer; info: OutputInfo };
  const { default: sharp } = await import('sharp'); // loaded with the first upload, not at every start
  try {
    const meta = await sharp(input, options).metadata();
    if (meta.format !== format) throw unsupported();
    output = await sharp(input, options)
      .rotate() // apply the EXIF orientation to the pixels before the EXIF goes
      .resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw unreadable();
  }
  const hash = createHash('sha256').update(output.data).digest('hex');
  return { bytes: output.data, hash, width: output.info.width, height: output.info.height, contentType: 'image/webp' };
}

export const photoUrlOf = (hash: string) => `/api/photos/${hash}.webp`;
