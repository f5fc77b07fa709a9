// "Zet in uw telefoon": a QR code that opens the vCard, and the same card as a download.
// The QR is an SVG the server draws (GET …/vcard/qr.svg), so no QR code library enters
// the web bundle; the image loads lazily. The card holds what this viewer may see.
import { t } from '../i18n/i18n';

export function VcardBlock({ kind, id, name }: { kind: 'person' | 'team'; id: string; name: string }) {
  const base = `/api/${kind === 'person' ? 'people' : 'teams'}/${encodeURIComponent(id)}/vcard`;
  return (
    <section class="panel vcard-block no-print" aria-labelledby="vcard-title" data-testid="vcard-block">
      <h2 id="vcard-title">{t('vcard.title')}</h2>
      <div class="vcard-block__body">
        <img class="vcard-block__qr" src={`${base}/qr.svg`} width={132} height={132} loading="lazy" decoding="async"
          alt={t(kind === 'person' ? 'vcard.qr_alt_person' : 'vcard.qr_alt_team', { name })} />
        <div>
          <p>{t(kind === 'person' ? 'vcard.person_hint' : 'vcard.team_hint')}</p>
          <p><a href={base} download>{t(kind === 'person' ? 'vcard.download_person' : 'vcard.download_team')}</a></p>
        </div>
      </div>
    </section>
  );
}
