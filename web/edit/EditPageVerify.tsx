// "Klopt nog" at the top of an edit page: one click when the editor read the record and
// found it right, without leaving the form. With unsaved changes it waits: what is
// confirmed must be what is stored. After it, the form goes on from the new version.
import { t } from '../i18n/i18n';
import { VerifyButton } from '../review/VerifyButton';

interface Editing<R> { dirty: boolean; etag: string; adopt: (record: R) => void }

export function EditPageVerify<R>({ kind, id, editor }: { kind: 'team' | 'person'; id: string; editor: Editing<R> }) {
  if (editor.dirty) return <p class="hint verify" data-testid="verify-after-save">{t('edit.verify_after_save')}</p>;
  const version = Number(editor.etag.replace(/\D/g, ''));
  return <VerifyButton<R> kind={kind} id={id} version={Number.isFinite(version) ? version : undefined}
    hint={t('review.verify_hint')} onVerified={(record) => editor.adopt(record)} />;
}
