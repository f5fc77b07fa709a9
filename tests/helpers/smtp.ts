// A real SMTP server (smtp-server) on 127.0.0.1, port 0, that keeps every message it
// receives. Like a plain relay on a private network: no TLS, AUTH accepted when offered.
// The parser reads just enough MIME (headers, multipart, quoted-printable/base64) to check
// To, Subject, the text and HTML parts and the link a mail carries.
import { EventEmitter, on } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The first http(s) link in the text part. */
  link: string | null;
  raw: string;
}

export interface TestSmtp {
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the next message to `to` (or any), waiting up to timeoutMs. */
  waitFor(to?: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const arrivals = new EventEmitter();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ ...parseMail(raw), envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
        arrivals.emit('mail');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const taken = new Set<ReceivedMail>();

  const take = (to?: string) => {
    const found = messages.find((m) => !taken.has(m) && (!to || m.envelopeTo.includes(to)));
    if (found) taken.add(found);
    return found;
  };

  // Woken by each arriving mail, not by polling; the listener is in place before this
  // returns to the event loop, so a mail cannot slip between the look and the wait.
  async function waitFor(to?: string, timeoutMs = 5000): Promise<ReceivedMail> {
    const already = take(to);
    if (already) return already;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      for await (const _ of on(arrivals, 'mail', { signal })) {
        const found = take(to);
        if (found) return found;
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
    throw new Error(`no mail${to ? ` to ${to}` : ''} within ${timeoutMs} ms`);
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Part { headers: Record<string, string>; body: string }

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

// RFC 2047 encoded words, as nodemailer writes non-ASCII subjects and names.
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*(?==\?)?/g, (_m, _charset, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(decodeQpBytes(text.replace(/_/g, ' '))).toString('utf8'));
}

function decodeQpBytes(s: string): number[] {
  const bytes: number[] = [];
  const src = Buffer.from(s, 'utf8');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 0x3d && /^[0-9A-Fa-f]{2}$/.test(src.toString('latin1', i + 1, i + 3))) {
      bytes.push(parseInt(src.toString('latin1', i + 1, i + 3), 16)); i += 2;
    } else bytes.push(src[i]!);
  }
  return bytes;
}

function decodeBody(part: Part): string {
  const enc = (part.headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (enc === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return Buffer.from(decodeQpBytes(part.body.replace(/=\r?\n/g, ''))).toString('utf8');
  return part.body;
}

function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections.filter((s) => !s.startsWith('--')).flatMap((s) => leaves(splitPart(s.replace(/^\r?\n/, ''))));
}

export function parseMail(raw: string): Omit<ReceivedMail, 'envelopeTo'> {
  const top = splitPart(raw);
  const parts = leaves(top);
  const pick = (t: string) => {
    const p = parts.find((x) => (x.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(t));
    return p ? decodeBody(p).replace(/\r\n/g, '\n') : '';
  };
  const text = pick('text/plain');
  return {
    to: top.headers.to ?? '',
    from: top.headers.from ?? '',
    subject: top.headers.subject ?? '',
    text,
    html: pick('text/html'),
    link: /https?:\/\/\S+/.exec(text)?.[0] ?? null,
    raw,
  };
}
