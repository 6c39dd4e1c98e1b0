// Catches a render failure or a lazily loaded page that fails to download (offline, or the server was
// updated and the old chunk is gone), so the person sees what to do instead of a blank window.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useI18n();
  return (
    <main id="main" tabIndex={-1} className="page page-narrow">
      <div className="notice notice-error" role="alert">
        <p>{t('app.error.pageFailed')}</p>
        <div className="notice-actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('app.error.reload')}
          </button>
        </div>
      </div>
    </main>
  );
}
