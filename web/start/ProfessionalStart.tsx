// / for a signed-in professional: where the work is. The huisarts between two patients
// types a postcode and huisnummer at once (on screen without scrolling on a laptop and a
// phone); the map, kennismaken and the residents' help topics are one step further.
import { t } from '../i18n/i18n';
import { useTitle } from '../components/Status';
import { AddressLookup } from '../lookup/AddressLookup';
import { TILES } from './tiles';

export function ProfessionalStart() {
  useTitle(t('lookup.title'));
  return (
    <div class="page pro-start" data-testid="pro-start">
      <h1>{t('lookup.title')}</h1>
      <AddressLookup compact titled={false} />
      <ul class="pro-start__links">
        <li><a href="/kaart">{t('prostart.map')}</a></li>
        <li><a href="/kennismaken">{t('prostart.kennismaken')}</a></li>
      </ul>
      <section aria-labelledby="pro-start-topics">
        <h2 id="pro-start-topics">{t('prostart.topics_title')}</h2>
        <p class="hint">{t('prostart.topics_hint')}</p>
        <ul class="tag-list">
          {TILES.map((x) => <li key={x.topic}><a href={`/hulp/${x.topic}`}>{t(`tiles.${x.key}`)}</a></li>)}
        </ul>
      </section>
    </div>
  );
}
