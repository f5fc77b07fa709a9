// Illustrated demo portraits: the demo people have no real photos, but the UI must show
// what a directory with faces looks like. One deterministic SVG per seed (the person's
// slug): skin tone, hair colour and style, clothing and background are drawn from a hash,
// so the same name always gets the same face. Pure and dependency-free; the output only
// ever contains numbers and colours from the tables below, never the seed itself.

const SKIN = ['#f6d5bd', '#efc4a1', '#e2ad85', '#d29a70', '#bd8158', '#a36a45', '#87543a', '#6b3f2a', '#563222'];
const HAIR = ['#1f1612', '#2e1f17', '#4a3022', '#6f4628', '#9a6a3c', '#c99a5b', '#e2c27f', '#a4452a', '#8f8a86', '#cfcac4'];
const CLOTHES = ['#2f6f8f', '#8f3b5c', '#3f7d4e', '#c2703d', '#5b4b8a', '#2e4057', '#b5485d', '#4d7ea8', '#c9a227', '#5f6b73', '#1d7874', '#9c6644'];
const BACKGROUND = ['#e3f0fb', '#fbe4ec', '#e6f4e7', '#fff1de', '#ece6f6', '#ddf4f6', '#f3f7e4', '#fbe8e3'];

/** FNV-1a: a 32-bit hash of the seed, the start state of the generator below. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, good enough to pick features; same seed, same sequence. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A colour darkened by `amount` (0..1), for shadows, the neck and outlines. */
function shade(hex: string, amount: number): string {
  const channel = (offset: number) => Math.round(parseInt(hex.slice(offset, offset + 2), 16) * (1 - amount));
  return `#${[1, 3, 5].map((o) => channel(o).toString(16).padStart(2, '0')).join('')}`;
}

// Hair, in two layers: `back` is drawn behind the head (long hair, curls), `front` over it.
type HairStyle = { back?: string; front?: string };
const FRINGE = 'M42 50C42 32 52 27 64 27C76 27 86 32 86 50C78 40 68 36 58 38C50 40 45 44 42 50Z';
const HAIR_STYLES: HairStyle[] = [
  { front: 'M42 54C40 32 52 26 64 26C78 26 89 33 86 54C84 44 78 38 64 38C52 38 45 44 42 54Z' }, // short
  { front: 'M42 52C40 30 56 22 70 26C84 28 90 40 86 52C82 42 72 36 60 40C52 42 46 46 42 52Z' }, // side parting
  { front: 'M43 50C43 34 52 29 64 29C76 29 85 34 85 50C80 40 72 36 64 36C56 36 48 40 43 50Z' }, // cropped
  { back: 'M40 56C36 30 50 22 64 22C78 22 92 30 88 56C89 72 90 86 92 98C78 104 50 104 36 98C38 86 39 72 40 56Z', front: FRINGE }, // long
  { back: 'M38 58C34 30 50 22 64 22C78 22 94 30 90 58L92 82C84 86 78 84 76 80L52 80C50 84 44 86 36 82Z', front: FRINGE }, // bob
  { back: 'M55 24a9 9 0 1 0 18 0a9 9 0 1 0 -18 0Z', front: 'M42 52C41 33 52 27 64 27C76 27 87 33 86 52C82 41 74 36 64 36C54 36 46 41 42 52Z' }, // bun
  { back: 'M34 46a30 28 0 1 0 60 0a30 28 0 1 0 -60 0ZM30 60a8 8 0 1 0 16 0a8 8 0 1 0 -16 0ZM82 60a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z' }, // curls
  { front: 'M42 58C41 50 42 45 45 42L47 58ZM86 58C87 50 86 45 83 42L81 58Z' }, // bald, hair at the sides
];

const COLLARS = [
  (skin: string) => `<path d="M54 93L64 106L74 93Z" fill="${shade(skin, 0.12)}"/>`, // v-neck
  (_skin: string, cloth: string) => `<path d="M52 93C56 99 72 99 76 93" fill="none" stroke="${shade(cloth, 0.3)}" stroke-width="3"/>`, // crew
  () => '<path d="M52 92L64 104L58 108L49 96ZM76 92L64 104L70 108L79 96Z" fill="#f4f4f2"/>', // shirt collar
];

export function portraitSvg(seed: string): string {
  const next = generator(fnv1a(seed));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const skin = pick(SKIN);
  const cloth = pick(CLOTHES);
  const background = pick(BACKGROUND);
  const style = pick(HAIR_STYLES);
  const hair = pick(HAIR);
  const collar = pick(COLLARS);
  const glasses = next() < 0.3;
  const smile = 3 + Math.round(next() * 3);
  const brow = style === HAIR_STYLES[7] ? shade(skin, 0.55) : hair;
  const parts = [
    `<rect width="128" height="128" fill="${background}"/>`,
    `<path d="M16 128C16 104 36 92 64 92C92 92 112 104 112 128Z" fill="${cloth}"/>`,
    collar(skin, cloth),
    style.back ? `<path d="${style.back}" fill="${hair}"/>` : '',
    `<path d="M55 72L55 94C59 99 69 99 73 94L73 72Z" fill="${shade(skin, 0.12)}"/>`,
    `<ellipse cx="43" cy="58" rx="4" ry="6" fill="${shade(skin, 0.05)}"/><ellipse cx="85" cy="58" rx="4" ry="6" fill="${shade(skin, 0.05)}"/>`,
    `<ellipse cx="64" cy="56" rx="21" ry="25" fill="${skin}"/>`,
    `<circle cx="56" cy="58" r="2.2" fill="#2a211d"/><circle cx="72" cy="58" r="2.2" fill="#2a211d"/>`,
    `<path d="M51 51Q56 48 60 51M68 51Q72 48 77 51" fill="none" stroke="${brow}" stroke-width="2" stroke-linecap="round"/>`,
    `<path d="M64 60Q62 66 65 67" fill="none" stroke="${shade(skin, 0.25)}" stroke-width="1.5" stroke-linecap="round"/>`,
    `<path d="M57 71Q64 ${71 + smile} 71 71" fill="none" stroke="${shade(skin, 0.5)}" stroke-width="2" stroke-linecap="round"/>`,
    style.front ? `<path d="${style.front}" fill="${hair}"/>` : '',
    glasses ? '<g fill="none" stroke="#2f2f33" stroke-width="1.8"><circle cx="56" cy="58" r="6"/><circle cx="72" cy="58" r="6"/><path d="M62 58H66"/></g>' : '',
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128">${parts.join('')}</svg>`;
}
