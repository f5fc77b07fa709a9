// HSDS without loss: merging Wijkweb's rendering of a record with the source's original.
// Three versions of a record meet here:
//   now       Wijkweb's rendering of its rows today (hsds.map.ts);
//   mapped    Wijkweb's rendering of the same rows right after the import wrote them;
//   original  the record exactly as the source had it.
// Field by field: where `now` still equals `mapped`, nothing was edited in Wijkweb since the
// import, so the source's value is given back (also its absence: a Wijkweb default such as the
// standard application_process sentence never replaces what the source said or left out).
// Where Wijkweb's value changed, Wijkweb's value wins. Fields Wijkweb does not render at all
// are the source's, verbatim. Objects and equally long lists are merged member by member, so
// one edited phone number leaves the ids and the other fields of its list as the source had them.
import { isDeepStrictEqual } from 'node:util';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// Derived from the CBS boundary, not from anything an editor changes: never a reason to
// prefer Wijkweb's rendering (lists leave the boundary out, the export and by-id carry it).
const DERIVED = new Set(['extent', 'extent_type']);

function withoutDerived(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDerived);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !DERIVED.has(k)).map(([k, x]) => [k, withoutDerived(x)]));
}

const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) || isDeepStrictEqual(withoutDerived(a), withoutDerived(b));

/** The merged value, or undefined when the field is to be left out. */
export function mergeField(now: unknown, mapped: unknown, original: unknown): unknown {
  if (same(now, mapped)) return original;
  if (isObj(now) && isObj(mapped) && isObj(original)) return mergeRecord(now, mapped, original);
  if (Array.isArray(now) && Array.isArray(mapped) && Array.isArray(original) && [now, mapped, original].every((l) => l.every(isObj))) {
    return mergeList(now as Obj[], mapped as Obj[], original as Obj[]);
  }
  return now;
}

/** How many fields (besides the id) two list items agree on. */
const agreement = (a: Obj, b: Obj) => Object.keys(a).filter((k) => k !== 'id' && k in b && same(a[k], b[k])).length;

/**
 * A list Wijkweb changed. Wijkweb's items (deterministic ids) are paired with what they were
 * at import, and those with the source's item they were made from (the one agreeing on most
 * fields). A paired item is merged; the source's items Wijkweb never carried stay (in their
 * place); Wijkweb's new items follow; an item Wijkweb removed goes.
 */
function mergeList(now: Obj[], mapped: Obj[], original: Obj[]): Obj[] {
  const taken = new Set<number>();
  const partner = mapped.map((m) => {
    let best = -1; let score = 0;
    original.forEach((o, j) => { const s = agreement(m, o); if (!taken.has(j) && s > score) { best = j; score = s; } });
    if (best >= 0) taken.add(best);
    return best;
  });
  const REMOVED = Symbol('removed');
  const out: (Obj | typeof REMOVED)[] = [...original];
  const added: Obj[] = [];
  const seen = new Set<number>();
  now.forEach((item, index) => {
    const i = item.id !== undefined ? mapped.findIndex((m) => m.id === item.id) : index < mapped.length ? index : -1;
    const j = i >= 0 ? partner[i]! : -1;
    if (i >= 0) seen.add(i);
    if (j >= 0) out[j] = (mergeField(item, mapped[i], original[j]) as Obj | undefined) ?? item;
    else added.push(item);
  });
  mapped.forEach((_, i) => { if (!seen.has(i) && partner[i]! >= 0) out[partner[i]!] = REMOVED; });
  return [...out.filter((x): x is Obj => x !== REMOVED), ...added];
}

/** A record: the source's fields in the source's order, then fields only Wijkweb has. */
export function mergeRecord<T extends Obj>(now: T, mapped: Obj, original: Obj): T {
  const out: Obj = {};
  for (const key of new Set([...Object.keys(original), ...Object.keys(now)])) {
    let value: unknown;
    // a field Wijkweb did not render at import (a newer version renders it) and has nothing for: the source's
    if (key in now && !(key in mapped) && key in original && isEmpty(now[key])) value = original[key];
    else if (key in now) value = mergeField(now[key], mapped[key], original[key]);
    else if (key in mapped) value = undefined; // Wijkweb rendered it at import and no longer does: removed here
    else value = original[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/** Two mentions of one record in the same import: later fields win, but a fuller list or object is not replaced by a thinner copy. */
export function combineMentions(a: Obj | undefined, b: Obj): Obj {
  if (!a) return b;
  const out: Obj = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (value === undefined || value === null) { if (!(key in out)) out[key] = value; continue; }
    const old = out[key];
    if ((isObj(old) || Array.isArray(old)) && JSON.stringify(old).length > JSON.stringify(value).length) continue;
    out[key] = value;
  }
  return out;
}
