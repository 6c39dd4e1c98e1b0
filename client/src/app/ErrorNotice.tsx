// An error the person can act on: the message in their language, and a way forward.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';

export function ErrorNotice({
  message,
  onRetry,
  children,
}: {
  message: MessageKey;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(message)}</p>
      {(onRetry || children) && (
        <div className="notice-actions">
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              {t('app.error.retry')}
            </button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
