// Kennismaken's calls. Types come from the server's Zod schemas, type-only.
import type { z } from 'zod';
import type { Changes, HomeArea, Pack, Subscriptions } from '../../server/onboarding/onboarding.schemas';
import { ApiError, getJson, withQuery } from '../api/client';

export type PackData = z.infer<typeof Pack>;
export type PackTeam = PackData['teams'][number];
export type PackMember = PackTeam['members'][number];
type ChangesData = z.infer<typeof Changes>;
export type Change = ChangesData['items'][number];
type SubscriptionsData = z.infer<typeof Subscriptions>;
type HomeAreaData = z.infer<typeof HomeArea>;

async function send<T>(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const res = await fetch(path, {
    method, credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => { throw new ApiError(0, 'network'); });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  return res.status === 204 ? null : (await res.json()) as T;
}

export const onboardingApi = {
  pack: (area: string | null, signal?: AbortSignal) => getJson<PackData>(withQuery('/api/me/kennismaken', { area }), signal),
  setMet: (personId: string, met: boolean) => send<null>(met ? 'PUT' : 'DELETE', `/api/me/met/${personId}`),
  chooseArea: (area: string) => send<HomeAreaData>('PUT', '/api/me/home-area', { area }),
  changes: (code: string, signal?: AbortSignal) => getJson<ChangesData>(`/api/areas/${encodeURIComponent(code)}/changes`, signal),
  digest: (signal?: AbortSignal) => getJson<SubscriptionsData>('/api/me/digest', signal),
  setDigest: (area: string, on: boolean) => send<SubscriptionsData>(on ? 'PUT' : 'DELETE', '/api/me/digest', { area }),
  wijken: (signal?: AbortSignal) => getJson<{ items: { code: string; name: string; kind: string }[] }>('/api/areas?kind=wijk', signal),
};
