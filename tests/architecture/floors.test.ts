// The floors of server/ (server/README.md): imports point down only. The ground floor
// (db, domain, http) knows no feature; no two files and no two folders import each other
// round in a circle; the running server reads seeds/ from one place only (demo seeding at
// start). Read from the source text, so a new import that breaks a floor fails here.
import { describe, expect, it } from 'vitest';
import { cycles, importsUnder, serverFolder } from './imports';

const edges = importsUnder('server');

/** What each ground-floor folder may import from server/ besides itself. */
const GROUND: Record<string, readonly string[]> = {
  db: [],
  domain: ['db'],
  http: ['db', 'domain'],
};

/**
 * The one server file that may import seeds/: loading the demo wijk into an empty database at
 * start; the operator commands that load it (db:seed, an import's reference data) go through it.
 */
const SEEDS_ENTRIES = ['server/start.ts'];

describe('server floors', () => {
  it('reads the imports it checks', () => {
    // a parser that found nothing would pass every rule below
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'server/app.ts', to: 'server/auth/auth.audience.ts' });
  });

  it('has no circle of files that import each other', () => {
    expect(cycles(edges.map((e) => [e.from, e.to]))).toEqual([]);
  });

  it('has no circle of server folders that import each other', () => {
    const folderEdges = edges.map((e): [string, string] => [serverFolder(e.from), serverFolder(e.to)])
      .filter(([from, to]) => from.length > 0 && to.length > 0);
    expect(cycles(folderEdges)).toEqual([]);
  });

  it('keeps the ground floor free of features', () => {
    const upward = edges.filter((e) => {
      const from = serverFolder(e.from);
      const to = serverFolder(e.to);
      return from in GROUND && to !== from && !GROUND[from]!.includes(to);
    });
    expect(upward.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('imports seeds/ from the start-up seeding and the seeding commands only', () => {
    const fromSeeds = edges.filter((e) => e.to.startsWith('seeds/')).map((e) => e.from);
    expect([...new Set(fromSeeds)].sort()).toEqual(SEEDS_ENTRIES);
  });
});

describe('the cycle finder the rules rely on', () => {
  it('finds a circle and ignores a line', () => {
    expect(cycles([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']])).toEqual([['a', 'b', 'c']]);
    expect(cycles([['a', 'b'], ['b', 'c'], ['a', 'c']])).toEqual([]);
  });
});
