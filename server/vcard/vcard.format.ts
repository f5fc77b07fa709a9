// vCard 4.0 text (RFC 6350): escaping (§3.4), line folding at 75 octets (§3.2) and CRLF.
// Kept dependency-free so what leaves the server is exactly what this file writes.

/** Escapes a text value: backslash, comma, semicolon and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) { out.push(current); current = ''; octets = 0; }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export type Property = [name: string, value: string, params?: string];

/** One vCard from (name, already-escaped value, params) triples. */
export function card(properties: Property[]): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', ...properties.map(([n, v, p]) => `${n}${p ? `;${p}` : ''}:${v}`), 'END:VCARD'];
  return lines.map(fold).join('\r\n') + '\r\n';
}
