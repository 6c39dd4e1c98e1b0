// The page a mail's stop link opens, `/mail/stop#<token>` (the token in the fragment, which the
// browser never sends to a server or puts in a Referer). Opening it changes nothing: link scanners
// and previews open links too. The person presses the one button, which posts the token to the same
// one-click address mail providers use (RFC 8058), and the page says how it went.
import { mailStopTokenSchema, type MailStopResponse } from '@vermeboard/shared';
import { useEffect, useId, useState } from 'react';
import { HttpError } from '../api/errors.js';
import { stopMail } from '../api/notify.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { useSubmit } from './useSubmit.js';
import './group.css';

const resultMessage: Record<MailStopResponse['result'], MessageKey> = {
  stopped: 'notify.stop.done',
  alreadyStopped: 'notify.stop.already',
};

/** A refused token is, to the person holding the mail, a link that no longer works. */
function failureMessage(err: unknown): MessageKey {
  return err instanceof HttpError && [400, 403, 404].includes(err.status)
    ? 'notify.stop.invalid'
    : errorMessageKey(err, 'other');
}

export function MailStopPage() {
  const [hash, setHash] = useState(() => window.location.hash);
  // Another stop link opened in the same tab changes only the fragment: that is another person's page.
  useEffect(() => {
    const changed = () => setHash(window.location.hash);
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  const parsed = mailStopTokenSchema.safeParse(hash.slice(1));
  return <StopForm key={hash} token={parsed.success ? parsed.data : null} />;
}

function StopForm({ token }: { token: string | null }) {
  const { t } = useI18n();
  const id = useId();
  const [result, setResult] = useState<MailStopResponse['result'] | null>(null);
  const submit = useSubmit();
  const failure = submit.error === null ? null : failureMessage(submit.error);
  // A refused link stays refused; after a network failure the button tries again.
  const asking = result === null && failure !== 'notify.stop.invalid';

  return (
    <section className="page page-narrow" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('notify.stop.title')}</h1>
      {token === null ? (
        <ErrorNotice message="notify.stop.invalid" />
      ) : (
        <>
          {asking && <p>{t('notify.stop.explain')}</p>}
          {failure && <ErrorNotice message={failure} />}
          {asking && (
            <button
              type="button"
              className="button button-primary"
              aria-disabled={submit.busy}
              onClick={() =>
                submit.run(
                  () => stopMail(token),
                  (r) => setResult(r.result),
                )
              }
            >
              {submit.busy ? t('notify.stop.stopping') : t('notify.stop.button')}
            </button>
          )}
          {/* Always in the page, so that a screen reader reads the result when it appears. */}
          <p role="status" className="status-line">
            {result === null ? '' : t(resultMessage[result])}
          </p>
        </>
      )}
    </section>
  );
}
