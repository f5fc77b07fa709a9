// /adres?postcode=1372AB&nummer=5 (or ?adres=…): "Wie werkt er op dit adres?" as the page.
import { t } from '../i18n/i18n';
import { useTitle } from '../components/Status';
import type { Params } from '../router';
import { AddressLookup } from './AddressLookup';

export function AddressPage({ query }: { params: Params; query: URLSearchParams }) {
  useTitle(t('lookup.title'));
  const key = ['postcode', 'nummer', 'adres'].map((k) => query.get(k) ?? '').join('|');
  return (
    <div class="page address-page" data-testid="address-page">
      <h1>{t('lookup.title')}</h1>
      <p class="lead">{t('lookup.intro')}</p>
      <AddressLookup key={key} query={query} />
    </div>
  );
}
