// Paths under these prefixes belong to machines (API, HSDS exchange, OpenAPI docs): an
// unknown one is answered with JSON 404, never with the web app's HTML. Prefix-based, so
// routes added later under them are covered without touching this list.
const MACHINE_PREFIXES = ['/api', '/hsds', '/docs'];

export function isMachinePath(path: string): boolean {
  const lower = path.toLowerCase();
  return MACHINE_PREFIXES.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`));
}
