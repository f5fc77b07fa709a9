// Plausible CBS key figures for the demo gemeente Lindeburg (made up, in the spirit of each
// buurt's description in areas.ts), as if imported from the Wijk- en Buurtkaart. Data only.
// Only areas without figures get them: an installation that imported real ones keeps those.
import type { Db } from '../../server/db/sql';

const YEAR = 2023;
type Figures = { households: number; share_0_15: number; share_65_plus: number; share_single_person: number;
  share_with_children: number; share_rented: number; land_ha: number };

export const DEMO_FIGURES: Record<string, Figures> = {
  // het oude dorpshart: veel ouderen boven winkels
  BU99010101: { households: 2150, share_0_15: 9, share_65_plus: 31, share_single_person: 52, share_with_children: 16, share_rented: 48, land_ha: 38 },
  // portiekflats, veel huur, jonge gezinnen en nieuwkomers
  BU99010102: { households: 2300, share_0_15: 22, share_65_plus: 11, share_single_person: 41, share_with_children: 33, share_rented: 74, land_ha: 45 },
  // rijtjeshuizen, gemengd
  BU99010103: { households: 1800, share_0_15: 16, share_65_plus: 18, share_single_person: 35, share_with_children: 29, share_rented: 43, land_ha: 52 },
  // eengezinswoningen, veel kinderen
  BU99010104: { households: 1750, share_0_15: 25, share_65_plus: 12, share_single_person: 22, share_with_children: 44, share_rented: 28, land_ha: 61 },
  // vrijstaande huizen
  BU99010105: { households: 1400, share_0_15: 18, share_65_plus: 21, share_single_person: 24, share_with_children: 35, share_rented: 15, land_ha: 120 },
  // seniorenflats en zorgcentrum
  BU99010106: { households: 1900, share_0_15: 6, share_65_plus: 42, share_single_person: 58, share_with_children: 10, share_rented: 61, land_ha: 57 },
  // bedrijventerrein met nieuwbouw
  BU99010107: { households: 900, share_0_15: 14, share_65_plus: 9, share_single_person: 47, share_with_children: 24, share_rented: 55, land_ha: 140 },
  // the wijk and the gemeente: sums of the buurten (inhabitants are in areas.ts)
  WK990101: { households: 12200, share_0_15: 17, share_65_plus: 20, share_single_person: 40, share_with_children: 28, share_rented: 50, land_ha: 513 },
  GM9901: { households: 12200, share_0_15: 17, share_65_plus: 20, share_single_person: 40, share_with_children: 28, share_rented: 50, land_ha: 513 },
};

/** Idempotent: fills the figures of demo areas that have none yet; returns how many it filled. */
export async function seedDemoFigures(trx: Db): Promise<number> {
  let filled = 0;
  for (const [code, figures] of Object.entries(DEMO_FIGURES)) {
    const result = await trx.updateTable('areas').set({ ...figures, figures_year: YEAR })
      .where('code', '=', code).where('figures_year', 'is', null).executeTakeFirst();
    filled += Number(result.numUpdatedRows);
  }
  return filled;
}
