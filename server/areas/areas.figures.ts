// The CBS key figures of an area as answers carry them (area page, insight coverage), with the
// source line the CBS Wijk- en Buurtkaart terms require wherever they are shown.
import { z } from 'zod';

export const FIGURE_COLUMNS = ['population', 'households', 'share_0_15', 'share_65_plus', 'share_single_person',
  'share_with_children', 'share_rented', 'land_ha', 'figures_year'] as const;
type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], number | null>;

export const AreaFigures = z.object({
  inhabitants: z.number().int().nullable(),
  households: z.number().int().nullable(),
  share_0_15: z.number().nullable().describe('Percentage of inhabitants aged 0 to 15'),
  share_65_plus: z.number().nullable().describe('Percentage of inhabitants aged 65 or older'),
  share_single_person: z.number().nullable().describe('Percentage of single-person households'),
  share_with_children: z.number().nullable().describe('Percentage of households with children'),
  share_rented: z.number().nullable().describe('Percentage of rented homes'),
  land_ha: z.number().int().nullable().describe('Land area in hectares'),
  year: z.number().int().nullable(),
  source: z.string().describe('"Kadaster / CBS, <year>": to be shown with the figures'),
}).describe('CBS key figures (Wijk- en Buurtkaart); null when the area has none');
export type AreaFigures = z.infer<typeof AreaFigures>;

export const figuresSource = (year: number | null) => `Kadaster / CBS${year ? `, ${year}` : ''}`;

/** The figures of an area row, or null when the area carries no CBS figures at all. */
export function areaFigures(row: FigureRow): AreaFigures | null {
  if (row.figures_year === null && row.population === null && row.households === null) return null;
  return {
    inhabitants: row.population, households: row.households, share_0_15: row.share_0_15, share_65_plus: row.share_65_plus,
    share_single_person: row.share_single_person, share_with_children: row.share_with_children, share_rented: row.share_rented,
    land_ha: row.land_ha, year: row.figures_year, source: figuresSource(row.figures_year),
  };
}
