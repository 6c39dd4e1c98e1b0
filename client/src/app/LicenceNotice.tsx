// tldraw needs a licence key for production use on a public HTTPS origin. Without one the canvas may
// stop working, so tell the administrator plainly, without blocking the people who are meeting.
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { useClientConfig } from './clientConfig.js';

// Dismissal lasts for this browser session, so an administrator who set no key is reminded later.
const DISMISSED_KEY = 'vermeboard.licenceNoticeDismissed';

export function needsLicenceNotice(protocol: string, licenseKey: string | null): boolean {
  return protocol === 'https:' && licenseKey === null;
}

export function LicenceNotice() {
  const { t } = useI18n();
  const { state } = useClientConfig();
  const [dismissed, setDismissed] = useState(() => readDismissed());
  if (dismissed || state.status !== 'ready') return null;
  if (!needsLicenceNotice(window.location.protocol, state.config.tldrawLicenseKey)) return null;
  const dismiss = () => {
    setDismissed(true);
    try {
      sessionStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Without storage the notice simply comes back on reload.
    }
  };
  return (
    <section className="licence-notice" aria-labelledby="licence-notice-title">
      <div>
        <h2 id="licence-notice-title">{t('app.licence.title')}</h2>
        <p>{t('app.licence.body')}</p>
      </div>
      <button type="button" className="icon-button" aria-label={t('app.licence.dismiss')} onClick={dismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </section>
  );
}

function readDismissed(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}
