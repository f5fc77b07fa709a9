// History in words: the one place where a history's field names and stored values become
// what an editor reads. Field names are the edit form's own labels (edit.field.*), so the
// history speaks of "Inloopspreekuur" as the form did; fields the form does not show have
// a label of their own (history.field.*). Codes and ids come with their names from the
// server (`names`: buurten, locations, organisations, teams); taxonomy keys, days, access
// routes and visibility levels are said the way the rest of the app says them.
import { accessText } from '../components/contact';
import { dayName } from '../components/PersonCard';
import type { Taxonomy } from '../components/taxonomy';
import { formatDate, t } from '../i18n/i18n';

const known = (key: string) => (t(key) !== key ? t(key) : null);

/** "walk_in_hours" → "Inloopspreekuur". An unknown field keeps its name, spaced. */
export function fieldLabel(field: string): string {
  return known(`edit.field.${field}`) ?? known(`history.field.${field}`) ?? field.replace(/_/g, ' ');
}

const DATE_FIELDS = new Set(['last_verified_at', 'archived_at', 'created_at', 'since', 'until', 'granted_at', 'withdrawn_at']);
const VISIBILITY = /_visibility$/;

function one(field: string, value: unknown, names: Record<string, string>, tax: Taxonomy): string {
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (value === 'verborgen') return t('history.hidden');
  if (DATE_FIELDS.has(field)) return formatDate(value);
  if (field === 'access') return accessText(value);
  if (field === 'team_type') return tax.type(value);
  if (field === 'topics') return tax.topic(value);
  if (field === 'working_days') return dayName(value);
  if (VISIBILITY.test(field)) return known(`history.visibility.${value}`) ?? value;
  return names[value] ?? value;
}

/** A stored value in words: "—" for nothing, lists joined, references by name. */
export function valueText(field: string, value: unknown, names: Record<string, string>, tax: Taxonomy): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => one(field, v, names, tax)).join(', ');
}
