// Small SQL helpers shared by the features' query files.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './types';

/** What a query function takes first: the database, or a transaction already open on it. */
export type Db = Kysely<DB> | Transaction<DB>;

/** Escapes % and _ so user text is matched literally inside ILIKE. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
