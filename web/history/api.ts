// A record's history (editors and admins of the record only; the server decides).
import { getJson } from '../api/client';

interface FieldChange { field: string; before: unknown; after: unknown }
export interface HistoryEntry { at: string; actor: string; action: string; changes: FieldChange[] }

export const historyApi = {
  of: (collection: 'teams' | 'people' | 'organisations' | 'locations', id: string, signal?: AbortSignal) =>
    getJson<{ items: HistoryEntry[]; names: Record<string, string> }>(`/api/${collection}/${id}/history`, signal),
};
