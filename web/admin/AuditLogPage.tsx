// /beheer/logboek — the audit log for admins, in words: who signed in, who failed, whose
// role changed, who was invited, who saw which 06 number; filtered by account, kind and
// period (kept in the address, so a filtered view can be shared and survives a reload),
// paged. The server decides who may read it (GET /api/admin/audit answers admins only).
import type { z } from 'zod';
import type { AccountList, AuditList } from '../../server/admin/admin.schemas';
import { getJson, withQuery } from '../api/client';
import { getLang, t } from '../i18n/i18n';
import { navigate } from '../router';
import { useSession } from '../auth/session';
import { SignInFirst } from '../auth/SignInFirst';
import { ErrorMessage, Loading, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { KINDS, auditWords, type AuditRow } from './audit-words';
import './admin.css';

type Accounts = z.infer<typeof AccountList>['items'];
const PER_PAGE = 25;

/** The filters as the address holds them: ?account=&soort=&van=&tot=&pagina= */
function readFilters(q: URLSearchParams) {
  const page = Number(q.get('pagina') ?? '1');
  return {
    account: q.get('account') ?? '', kind: q.get('soort') ?? '', from: q.get('van') ?? '', to: q.get('tot') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
type Filters = ReturnType<typeof readFilters>;

/** A local calendar day → the moment it starts here (the admin's day, not UTC's). */
const dayStart = (day: string, plusDays = 0) => {
  const d = new Date(`${day}T00:00`);
  d.setDate(d.getDate() + plusDays);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

function auditUrl(f: Filters): string {
  return withQuery('/api/admin/audit', {
    page: f.page, per_page: PER_PAGE, account: f.account || undefined,
    action: KINDS.find((k) => k.key === f.kind)?.actions.join(','),
    from: f.from ? dayStart(f.from) : undefined, to: f.to ? dayStart(f.to, 1) : undefined, // "tot en met": the whole last day
  });
}

const pageUrl = (f: Filters) => withQuery('/beheer/logboek', { account: f.account, soort: f.kind, van: f.from, tot: f.to, pagina: f.page > 1 ? f.page : undefined });

async function allAccounts(signal: AbortSignal): Promise<Accounts> {
  const out: Accounts = [];
  for (let page = 1; page <= 20; page++) {
    const list = await getJson<z.infer<typeof AccountList>>(withQuery('/api/admin/accounts', { page, per_page: 100 }), signal);
    out.push(...list.items);
    if (out.length >= list.total || list.items.length === 0) break;
  }
  return out.sort((a, b) => a.email.localeCompare(b.email));
}

export function AuditLogPage({ query }: { query: URLSearchParams }) {
  useTitle(t('audit.title'));
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInFirst />;
  if (me.role !== 'admin') {
    return <div class="page"><h1>{t('audit.title')}</h1><p class="notice">{t('audit.admins_only')}</p></div>;
  }
  return <AuditLog filters={readFilters(query)} />;
}

function AuditLog({ filters }: { filters: Filters }) {
  const accounts = useFetch(allAccounts, []);
  const url = auditUrl(filters);
  const log = useFetch((s) => getJson<z.infer<typeof AuditList>>(url, s), [url]);
  const apply = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string) => String(form.get(k) ?? '');
    navigate(pageUrl({ account: get('account'), kind: get('soort'), from: get('van'), to: get('tot'), page: 1 }));
  };
  const emails = new Map((accounts.data ?? []).map((a) => [a.id, a.email]));
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PER_PAGE)) : 1;
  return (
    <div class="page audit-page" data-testid="audit-page">
      <h1>{t('audit.title')}</h1>
      <p class="lead-small">{t('audit.intro')}</p>
      <form class="audit-filters" onSubmit={apply} aria-label={t('audit.filters')} key={pageUrl(filters)}>
        <div class="field">
          <label for="audit-account">{t('audit.account')}</label>
          <select id="audit-account" name="account">
            <option value="">{t('audit.account_all')}</option>
            {(accounts.data ?? []).map((a) => <option key={a.id} value={a.id} selected={a.id === filters.account}>{a.email}</option>)}
            {filters.account && !emails.has(filters.account) && <option value={filters.account} selected>{filters.account}</option>}
          </select>
        </div>
        <div class="field">
          <label for="audit-kind">{t('audit.kind')}</label>
          <select id="audit-kind" name="soort">
            <option value="">{t('audit.kind_all')}</option>
            {KINDS.map((k) => <option key={k.key} value={k.key} selected={k.key === filters.kind}>{t(`audit.kind.${k.key}`)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="audit-from">{t('audit.from')}</label>
          <input id="audit-from" name="van" type="date" defaultValue={filters.from} />
        </div>
        <div class="field">
          <label for="audit-to">{t('audit.to')}</label>
          <input id="audit-to" name="tot" type="date" defaultValue={filters.to} />
        </div>
        <button type="submit" class="button">{t('audit.apply')}</button>
      </form>
      {/* while a new page loads the old rows go: rows and "pagina n" always belong together */}
      {log.error ? <ErrorMessage error={log.error} /> : !log.data || log.loading ? <Loading /> : (
        <Results rows={log.data.items} total={log.data.total} filters={{ ...filters, page: log.data.page }} pages={pages} />
      )}
    </div>
  );
}

function Results({ rows, total, filters, pages }: { rows: AuditRow[]; total: number; filters: Filters; pages: number }) {
  const locale = getLang() === 'en' ? 'en-GB' : 'nl-NL';
  if (rows.length === 0) return <p class="notice" role="status" data-testid="audit-count">{t('audit.none')}</p>;
  return (
    <>
      <p role="status" data-testid="audit-count">{t('audit.count', { n: total, page: filters.page, pages })}</p>
      <div class="audit-table-wrap">
        <table class="audit-table" data-testid="audit-table">
          <caption class="sr-only">{t('audit.caption', { page: filters.page, pages })}</caption>
          <thead><tr><th scope="col">{t('audit.col.when')}</th><th scope="col">{t('audit.col.who')}</th><th scope="col">{t('audit.col.what')}</th><th scope="col">{t('audit.col.subject')}</th></tr></thead>
          <tbody>
            {rows.map((row) => {
              const words = auditWords(row);
              return (
                <tr key={row.id} data-action={row.action}>
                  <td class="audit-table__when">{new Date(row.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>{row.actor_email ?? <span class="muted">{t('audit.nobody')}</span>}</td>
                  <td>{words.what}{words.detail && <span class="audit-table__detail"> {words.detail}</span>}</td>
                  <td>{row.subject ?? (row.entity_id ? <span class="muted">{t('audit.gone')}</span> : '')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav class="pager" aria-label={t('audit.pages')}>
          {filters.page > 1 ? <a href={pageUrl({ ...filters, page: filters.page - 1 })} rel="prev">{t('audit.prev')}</a> : <span />}
          <span>{t('audit.page_of', { page: filters.page, pages })}</span>
          {filters.page < pages ? <a href={pageUrl({ ...filters, page: filters.page + 1 })} rel="next">{t('audit.next')}</a> : <span />}
        </nav>
      )}
    </>
  );
}
