// The calls of Mijn gegevens. Writes send JSON (or the photo's own bytes) from this origin;
// errors come back as the server's message so the page can show and announce them.
import { ApiError } from '../api/client';

interface Consent { field: string; granted_at: string; withdrawn_at: string | null }
export interface MyData {
  account: { email: string; role: string; created_at: string; last_sign_in_at: string | null; two_factor_enabled: boolean };
  person: (Record<string, unknown> & { id: string; given_name: string; family_name: string; photo_url: string | null;
    photo_consent: boolean; public_profile: boolean; phone_mobile: string | null }) | null;
  memberships: { id: string; team_name: string; organisation_name: string; role: string; is_contact_person: boolean; since: string | null; until: string | null }[];
  consents: Consent[];
  sessions: { id: string; created_at: string; last_seen_at: string; revoked_at: string | null; user_agent: string | null; current: boolean }[];
  audit: { id: string; at: string; action: string; entity_type: string | null; by_me: boolean }[];
}

export async function send(method: string, path: string, body?: unknown, type = 'application/json'): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = type === 'application/json' ? JSON.stringify(body) : (body as Blob);
    init.headers = { ...init.headers, 'content-type': type };
  }
  const res = await fetch(path, init);
  if (!res.ok) {
    let message = res.statusText;
    try { message = ((await res.json()) as { message?: string }).message ?? message; } catch { /* not JSON */ }
    throw new ApiError(res.status, message);
  }
  return res;
}

export const loadMyData = async () => (await (await send('GET', '/api/me/data')).json()) as MyData;
