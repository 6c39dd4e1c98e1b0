// A section that failed to load says so in place, with a retry, without taking the page down.
import { useI18n } from '../i18n/I18nProvider.js';
import { errorMessageKey } from '../app/errorMessage.js';

export function SectionError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {t('group.loadFailed')} {t(errorMessageKey(error, 'group'))}
      </p>
      <div className="notice-actions">
        <button type="button" className="button" onClick={onRetry}>
          {t('app.error.retry')}
        </button>
      </div>
    </div>
  );
}

/** A write's failure that is not about one field, shown under the form. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === null) return null;
  return (
    <p className="field-error" role="alert">
      {t(errorMessageKey(error, 'group'))}
    </p>
  );
}
