// Deterministic fake team locations spread over a region around the demo wijk.
export interface BenchPoint { lat: number; lon: number; teamId: string; type: string; name: string; locationId: string }
const TYPES = ['social_district_team', 'youth_family_team', 'gp_practice', 'district_nursing', 'community_centre', 'school', 'police', 'debt_counselling'];
export const BBOX: [number, number, number, number] = [5.0, 52.2, 5.7, 52.55];

export function makePoints(n: number): BenchPoint[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({
    lat: BBOX[1] + rnd() * (BBOX[3] - BBOX[1]), lon: BBOX[0] + rnd() * (BBOX[2] - BBOX[0]),
    teamId: `t${i}`, type: TYPES[i % TYPES.length]!, name: `Team ${i}`, locationId: `l${i}`,
  }));
}

export const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
