// Connecting / live / offline / read-only, for people (text and colour), screen readers
// (role="status" announces changes) and end-to-end tests (data-status).
import { useI18n } from '../i18n/I18nProvider.js';
import type { BoardStatus } from './transport.js';

export function ConnectionIndicator({ status }: { status: BoardStatus }) {
  const { t } = useI18n();
  const label = t(`board.status.${status}`);
  return (
    <div
      role="status"
      aria-label={t('board.status.label', { status: label })}
      data-status={status}
      data-testid="connection-status"
      title={t(`board.status.hint.${status}`)}
      className={`vb-connection vb-connection--${status}`}
    >
      <span className="vb-connection__dot" aria-hidden="true" />
      <span className="vb-connection__label">{label}</span>
    </div>
  );
}
