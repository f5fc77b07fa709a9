// Statements prepared once per connection. PostgreSQL parses and plans a statement sent
// without a name every time it comes; for the few fixed texts sent with most answers (the
// view log's rows, audit/view-log.ts) that planning cost more than the work itself (a
// CTE that reads a row and inserts one: 0.28 ms of PostgreSQL's CPU planned each time,
// 0.13 ms prepared). A text registered here is sent under its name; pg prepares it on a
// connection's first use and reuses it after, on PostgreSQL and PGlite alike.
const names = new Map<string, string>();

/** Registers `text` (a fixed statement with $n parameters) to be prepared once per connection; returns it unchanged. */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `wijkweb_prepared_${names.size + 1}`);
  return text;
}

/** The name a registered text is prepared under; undefined for any other text. */
export function preparedName(text: unknown): string | undefined {
  return typeof text === 'string' ? names.get(text) : undefined;
}
