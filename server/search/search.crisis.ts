// Danger first: which kinds of danger a search signals (matched against the vocabulary in
// search.danger.ts, after the same normalisation as search's words, tolerant of small
// typos), and the crisis block that answers it. Pure functions: no database, no HTTP.
import { CRISIS_LINES, type CrisisLineData, DANGER, DANGER_TOPICS, type DangerKind, FILLER_WORDS } from './search.danger';
import type { Crisis, CrisisLine } from './search.schemas';
import { searchWords, typos } from './search.vocabulary';

const GAP = '…';
/** Words that may stand between two parts of a phrase joined by "…". */
const MAX_GAP = 3;

type Part = { word: string; prefix: boolean } | typeof GAP;

function compile(phrase: string): Part[] {
  const parts: Part[] = [];
  for (const piece of phrase.split(/\s+/)) {
    if (piece === GAP) { parts.push(GAP); continue; }
    const prefix = piece.endsWith('*');
    for (const word of searchWords(prefix ? piece.slice(0, -1) : piece)) {
      if (!FILLER_WORDS.has(word)) parts.push({ word, prefix: false });
    }
    if (prefix) (parts[parts.length - 1] as { prefix: boolean }).prefix = true;
  }
  return parts;
}

const COMPILED = DANGER.map((category) => ({ kind: category.kind, phrases: category.phrases.map(compile) }));

/** Short words must be exact ("slaat" is not "slaapt"); longer ones may hold a typo, very long ones two. */
function allowedTypos(expected: string, typed: string): number {
  if (expected.length < 6 || typed.length < 5) return 0;
  return expected.length >= 10 ? 2 : 1;
}

function wordMatches(part: { word: string; prefix: boolean }, typed: string): boolean {
  if (typed === part.word || (part.prefix && typed.startsWith(part.word))) return true;
  const allowed = allowedTypos(part.word, typed);
  if (allowed === 0) return false;
  if (typos(typed, part.word) <= allowed) return true;
  // A typo inside a word that goes on ("kindermishandleing"): compare the stem's length.
  return part.prefix && typed.length > part.word.length
    && typos(typed.slice(0, part.word.length), part.word) <= allowed;
}

/** Does the phrase occur in words, from position `at`, parts in order, gaps only at "…"? */
function matchesAt(parts: Part[], words: string[], at: number): boolean {
  let i = at;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (part === GAP) {
      const next = parts[p + 1];
      if (!next || next === GAP) return false;
      for (let skip = 0; skip <= MAX_GAP && i + skip < words.length; skip++) {
        if (wordMatches(next, words[i + skip]!) && matchesAt(parts.slice(p + 2), words, i + skip + 1)) return true;
      }
      return false;
    }
    if (i >= words.length || !wordMatches(part, words[i]!)) return false;
    i++;
  }
  return true;
}

const occursIn = (parts: Part[], words: string[]) => {
  if (parts.length === 0) return false;
  for (let at = 0; at < words.length; at++) if (matchesAt(parts, words, at)) return true;
  return false;
};

/** The kinds of danger q signals, in the order of search.danger.ts (most urgent line first). */
export function dangerIn(q: string): DangerKind[] {
  const words = searchWords(q).filter((w) => !FILLER_WORDS.has(w)).slice(0, 40);
  if (words.length === 0) return [];
  return COMPILED.filter((c) => c.phrases.some((parts) => occursIn(parts, words))).map((c) => c.kind);
}

const toLine = (line: CrisisLineData): CrisisLine => ({
  key: line.key, name: line.name, number: line.number,
  tel: line.number ? `tel:${line.number.replace(/[^\d+]/g, '')}` : null,
  when: line.when, text: line.text, ...(line.web ? { web: line.web } : {}),
});

/** The crisis block for these kinds of danger: their lines, most fitting first, each once. */
export function crisisFor(kinds: readonly DangerKind[]): Crisis | undefined {
  if (kinds.length === 0) return undefined;
  const ordered = DANGER.filter((c) => kinds.includes(c.kind));
  const keys = [...new Set(ordered.flatMap((c) => c.lines))];
  return { signals: ordered.map((c) => c.kind), lines: keys.map((k) => toLine(CRISIS_LINES[k])) };
}

/** For a search text. */
export const crisisForQuery = (q: string) => crisisFor(dangerIn(q));
/** For a help topic that signals danger on its own (huiselijk geweld, crisis). */
export const crisisForTopic = (topicKey: string) => crisisFor(DANGER_TOPICS[topicKey] ?? []);
