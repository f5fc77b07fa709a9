// The texts of the mails Wijkweb sends: Dutch first (plain B1), one English line after.
// Plain text for every client, plus a simple HTML part; every value is escaped.

export interface MailContent { subject: string; text: string; html: string; link: string }

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Parts { subject: string; lines: string[]; button: string; after: string[]; english: string; link: string }

function render({ subject, lines, button, after, english, link }: Parts): MailContent {
  const text = [...lines, '', link, '', ...after, '', '--', english, ''].join('\n');
  const paragraphs = (xs: string[]) => xs.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n');
  const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 36em">
${paragraphs(lines)}
<p><a href="${escapeHtml(link)}">${escapeHtml(button)}</a></p>
<p style="font-size: smaller">${escapeHtml(link)}</p>
${paragraphs(after)}
<hr>
<p lang="en">${escapeHtml(english)}</p>
</body></html>
`;
  return { subject, text, html, link };
}

export function inviteMail(link: string, invitedBy: string | null): MailContent {
  const by = invitedBy ? ` ${invitedBy} heeft u uitgenodigd.` : '';
  return render({
    subject: 'Uitnodiging voor Wijkweb / Invitation to Wijkweb',
    lines: [
      'Hallo,',
      `U bent uitgenodigd voor Wijkweb, de sociale kaart van de wijk.${by}`,
      'Kies via deze link een wachtwoord. Daarna kunt u inloggen.',
    ],
    button: 'Wachtwoord kiezen',
    after: ['De link werkt 7 dagen en maar één keer.', 'Verwachtte u deze mail niet? Dan hoeft u niets te doen.'],
    english: 'You have been invited to Wijkweb. Open the link above within 7 days to choose a password. Not expecting this? Ignore this mail.',
    link,
  });
}

export function resetMail(link: string): MailContent {
  return render({
    subject: 'Nieuw wachtwoord voor Wijkweb / Reset your Wijkweb password',
    lines: ['Hallo,', 'Iemand vroeg om een nieuw wachtwoord voor uw account op Wijkweb.', 'Kies via deze link een nieuw wachtwoord.'],
    button: 'Nieuw wachtwoord kiezen',
    after: [
      'De link werkt 1 uur en maar één keer. Daarna wordt u overal uitgelogd.',
      'Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.',
    ],
    english: 'Someone asked to reset your Wijkweb password. Open the link above within 1 hour to choose a new one. Did not ask? Ignore this mail.',
    link,
  });
}
