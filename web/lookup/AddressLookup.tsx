// "Wie werkt er op dit adres?": postcode + huisnummer (or a typed address), checked here
// with a clear message tied to the field, then /adres?postcode=&nummer= (or ?adres=) so the
// question can be shared and a reload restores it. On /adres the answer shows below the
// form; `compact` (e.g. on the start page) shows only the form and goes to /adres.
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { withQuery } from '../api/client';
import { navigate } from '../router';
import { normalisePostcode, validAddress, validHouseNumber } from './validate';
import { LookupAnswer, requestFocusOnAnswer } from './LookupAnswer';
import '../search/search.css';

type Field = 'postcode' | 'number' | 'address';
type Errors = Partial<Record<Field, string>>;

/** The lookup a URL asks for, or the field errors when its values are malformed. */
function readQuery(q: URLSearchParams): { params: { postcode?: string; number?: string; address?: string } | null; errors: Errors } {
  const postcode = q.get('postcode') ?? '';
  const number = q.get('nummer') ?? '';
  const address = q.get('adres') ?? '';
  if (postcode || number) {
    const errors = check({ postcode, number });
    return Object.keys(errors).length ? { params: null, errors } : { params: { postcode: normalisePostcode(postcode)!, number: number.trim() }, errors };
  }
  if (address) return validAddress(address) ? { params: { address: address.trim() }, errors: {} } : { params: null, errors: { address: t('lookup.err_address') } };
  return { params: null, errors: {} };
}

function check({ postcode, number }: { postcode: string; number: string }): Errors {
  const errors: Errors = {};
  if (!normalisePostcode(postcode)) errors.postcode = t('lookup.err_postcode');
  if (!validHouseNumber(number)) errors.number = t('lookup.err_number');
  return errors;
}

/** `compact`: the form only, going to /adres; `titled={false}` when the page's own h1 already asks the question. */
export function AddressLookup({ query = new URLSearchParams(), compact = false, titled = true }: { query?: URLSearchParams; compact?: boolean; titled?: boolean }) {
  const initial = readQuery(query);
  const [values, setValues] = useState({ postcode: query.get('postcode') ?? '', number: query.get('nummer') ?? '', address: query.get('adres') ?? '' });
  const [errors, setErrors] = useState<Errors>(initial.errors);
  const refs = { postcode: useRef<HTMLInputElement>(null), number: useRef<HTMLInputElement>(null), address: useRef<HTMLInputElement>(null) };

  const submit = (fields: Field[], errs: Errors, href: string) => {
    setErrors(errs);
    const first = fields.find((f) => errs[f]);
    if (first) { refs[first].current?.focus(); return; }
    requestFocusOnAnswer();
    navigate(href);
  };
  const onPostcode = (e: Event) => {
    e.preventDefault();
    const postcode = normalisePostcode(values.postcode) ?? '';
    submit(['postcode', 'number'], check(values), withQuery('/adres', { postcode, nummer: values.number.trim() }));
  };
  const onAddress = (e: Event) => {
    e.preventDefault();
    submit(['address'], validAddress(values.address) ? {} : { address: t('lookup.err_address') }, withQuery('/adres', { adres: values.address.trim() }));
  };
  const field = (name: Field, label: string, hint: string, extra: Record<string, string>) => {
    const id = `adres-${name}`;
    const err = errors[name];
    return (
      <div class={`lookup-field lookup-field--${name}`}>
        <label for={id}>{label}</label>
        <p id={`${id}-hint`} class="hint">{hint}</p>
        {err && <p id={`${id}-error`} class="field-error" data-testid={`${id}-error`}>{err}</p>}
        <input ref={refs[name]} id={id} name={name === 'number' ? 'nummer' : name === 'address' ? 'adres' : name} type="text" {...extra}
          value={values[name]} aria-invalid={err ? 'true' : undefined}
          aria-describedby={err ? `${id}-error ${id}-hint` : `${id}-hint`}
          onInput={(e) => setValues((v) => ({ ...v, [name]: e.currentTarget.value }))} />
      </div>
    );
  };

  return (
    <div class={compact ? 'lookup lookup--compact' : 'lookup'} data-testid="address-lookup">
      {compact && titled && <h2 class="lookup__title">{t('lookup.embedded_title')}</h2>}
      <form class="lookup-form" action="/adres" method="get" noValidate onSubmit={onPostcode} aria-labelledby="adres-by-postcode">
        <p id="adres-by-postcode" class="lookup-form__title">{t('lookup.by_postcode')}</p>
        <div class="lookup-form__row">
          {field('postcode', t('lookup.postcode'), t('lookup.postcode_hint'), { autocomplete: 'postal-code', autocapitalize: 'characters', size: '9', maxLength: '7' })}
          {field('number', t('lookup.number'), t('lookup.number_hint'), { size: '7', maxLength: '10' })}
          <button type="submit" class="button">{t('lookup.submit')}</button>
        </div>
      </form>
      <form class="lookup-form" action="/adres" method="get" noValidate onSubmit={onAddress} aria-labelledby="adres-by-address">
        <p id="adres-by-address" class="lookup-form__title">{t('lookup.by_address')}</p>
        <div class="lookup-form__row">
          {field('address', t('lookup.address'), t('lookup.address_hint'), { autocomplete: 'street-address', maxLength: '200', class: 'lookup-field__wide' })}
          <button type="submit" class="button-secondary">{t('lookup.submit_address')}</button>
        </div>
      </form>
      {!compact && initial.params && <LookupAnswer params={initial.params} />}
    </div>
  );
}
