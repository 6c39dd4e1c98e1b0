// The end of a studio form: the library to save to, every problem a save would meet (once the
// trainer tried), and the save button, which saves only a draft without problems of its own.
import { useId } from 'react';
import type { LibraryScope, MethodIssue } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { IssueList } from './IssueList.js';

interface Props {
  scope: LibraryScope;
  onScope(scope: LibraryScope): void;
  inProgram: boolean;
  instanceLibraryOpen: boolean;
  hint?: string;
  /** The draft's own problems and the server's answer to the last save. */
  issues: readonly MethodIssue[];
  tried: boolean;
  saving?: boolean;
  label: string;
  onClick(): void;
}

export function SaveBox({
  scope,
  onScope,
  inProgram,
  instanceLibraryOpen,
  hint,
  issues,
  tried,
  saving = false,
  label,
  onClick,
}: Props) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="vb-studio-save">
      <legend>{t('studio.save.heading')}</legend>
      <div className="field">
        <label htmlFor={id}>{t('studio.save.library')}</label>
        <select id={id} value={scope} onChange={(e) => onScope(e.target.value as LibraryScope)}>
          <option value="own">{t('studio.library.own')}</option>
          {inProgram && <option value="program">{t('studio.library.program')}</option>}
          {instanceLibraryOpen && <option value="instance">{t('studio.library.instance')}</option>}
        </select>
      </div>
      {hint && <p className="field-hint">{hint}</p>}
      {tried && issues.length > 0 && (
        <IssueList heading={t('studio.save.problems', { n: issues.length })} issues={issues} />
      )}
      <button type="button" className="button button-primary" aria-disabled={saving} onClick={onClick}>
        {saving ? t('studio.save.saving') : label}
      </button>
    </fieldset>
  );
}
