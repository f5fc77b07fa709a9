// PHOTO (RFC 6350 §6.2.4) for a person whose photo the caller may see. Demo portraits are
// generated on this server, so they are embedded as a small JPEG data: URI (phones show
// JPEG, not SVG, and the card then works offline); any other photo is referred to by URL.
import { LRUCache } from 'lru-cache';
import { portraitSvg } from '../demo-photos/demo-photos.portraits';

const DEMO = /^\/demo-photos\/([a-z0-9-]{1,64})\.svg$/;
const cache = new LRUCache<string, string>({ max: 2000 });

async function demoJpeg(name: string): Promise<string> {
  const hit = cache.get(name);
  if (hit) return hit;
  const { default: sharp } = await import('sharp'); // loaded with the first image, not at start
  const jpeg = await sharp(Buffer.from(portraitSvg(name))).resize(160, 160).jpeg({ quality: 80 }).toBuffer();
  const uri = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  cache.set(name, uri);
  return uri;
}

/** The PHOTO value for a visible photo_url (null when there is none). */
export async function photoValue(photoUrl: string | null, origin: string): Promise<string | null> {
  if (!photoUrl) return null;
  const demo = DEMO.exec(photoUrl);
  if (demo) return demoJpeg(demo[1]!);
  if (/^https?:\/\//.test(photoUrl)) return photoUrl;
  return photoUrl.startsWith('/') ? origin + photoUrl : null;
}
