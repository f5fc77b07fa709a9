// Who is signed in, for the whole app. The server decides what each audience sees; this
// store only knows whether someone is signed in, and bumps `epoch` on every change so the
// views remount and refetch: nothing fetched for one audience survives into another.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson, sendJson } from '../api/client';

export interface Me {
  email: string;
  role: 'professional' | 'editor' | 'admin' | 'analist';
  person_id: string | null;
  scopes?: unknown;
  mfa_required?: boolean;
  /** What this session needs before it may write (REQUIRE_MFA=editors). */
  mfa_step?: 'set_up_totp' | 'sign_in_with_code' | null;
}

interface State { me: Me | null | undefined; epoch: number }
let state: State = { me: undefined, epoch: 0 };
const listeners = new Set<(s: State) => void>();

function set(me: Me | null, bump: boolean): void {
  state = { me, epoch: bump ? state.epoch + 1 : state.epoch };
  for (const l of listeners) l(state);
}

// The question in flight: every component that mounts while it is open shares it, so a
// page load asks once (it used to ask once per component: 4 times on /kaart).
let asking: Promise<Me | null> | undefined;

/** Asks the server who we are (401 = nobody). Without `bump`, joins a question already asked. */
export function loadMe(bump = false): Promise<Me | null> {
  if (!bump && asking) return asking;
  const question = ask(bump);
  asking = question;
  const done = () => { if (asking === question) asking = undefined; };
  question.then(done, done);
  return question;
}

async function ask(bump: boolean): Promise<Me | null> {
  try {
    const me = await getJson<Me>('/api/auth/me');
    set(me, bump);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) { set(null, bump); return null; }
    if (state.me === undefined) set(null, false);
    throw error;
  }
}

export async function signIn(body: { email: string; password: string; code?: string }): Promise<Me | null> {
  await sendJson('POST', '/api/auth/login', body);
  return loadMe(true);
}

export async function signOut(): Promise<void> {
  try { await sendJson('POST', '/api/auth/logout', {}); } finally { set(null, true); }
}

/** After something signed us in or out elsewhere (invite accepted, sessions revoked). */
export const refreshSession = () => loadMe(true);

export function useSession(): State {
  const [s, setS] = useState(state);
  useEffect(() => {
    listeners.add(setS);
    if (state.me === undefined) void loadMe().catch(() => {});
    setS(state);
    return () => { listeners.delete(setS); };
  }, []);
  return s;
}

export const canInvite = (me: Me | null | undefined) => me?.role === 'editor' || me?.role === 'admin';
