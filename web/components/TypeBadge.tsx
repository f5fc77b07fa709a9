import { categoryColour, typeAbbr } from '../map/team-icons';

/** The same badge the map uses for this team type (decorative: the label is beside it). */
export function TypeBadge({ type, category }: { type: string; category: string }) {
  return (
    <span class="type-badge" style={{ background: categoryColour(category) }} aria-hidden="true">
      {typeAbbr(type)}
    </span>
  );
}
