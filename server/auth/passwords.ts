// Password hashing: argon2id with OWASP's minimum parameters (m=19 MiB, t=2, p=1).
// `@node-rs/argon2`'s Algorithm is a const enum (unusable under isolatedModules), and
// argon2id is its default, so the algorithm is left implicit on purpose.
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Longer input only costs CPU: bcrypt-style limits don't apply, but a bound stops abuse. */
const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches the stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a random string, made once: verifying against it costs the same as a
// real account, so "unknown e-mail" and "wrong password" take the same time.
let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification and returns false (for unknown or disabled accounts). */
export async function dummyVerify(password: string): Promise<false> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when a stored hash was made with weaker parameters than today's (rehash on sign-in). */
export function needsRehash(passwordHash: string): boolean {
  const m = /\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  return !m || Number(m[1]) < OPTIONS.memoryCost || Number(m[2]) < OPTIONS.timeCost;
}
