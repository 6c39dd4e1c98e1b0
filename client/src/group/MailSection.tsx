// The participant's own mail address for the group's mail (booked dates, reminders, the weekly
// digest). Only its owner ever sees it; without SMTP on the server the section only says mail is off.
import { mailAddressSchema, notificationLimits, type MailSettingsResponse } from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import type { NotifyApi } from '../api/notify.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

export function MailSection({
  api,
  settings,
  onChanged,
}: {
  api: NotifyApi;
  settings: MailSettingsResponse;
  onChanged(next: MailSettingsResponse): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [address, setAddress] = useState(settings.address ?? '');
  const [invalid, setInvalid] = useState(false);
  const [status, setStatus] = useState('');
  const submit = useSubmit();

  if (!settings.enabled) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('notify.mail.title')}</h2>
        <p className="muted">{t('notify.mail.off')}</p>
      </section>
    );
  }

  const save = (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    const parsed = mailAddressSchema.safeParse(address);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    submit.run(
      () => api.setMail(parsed.data),
      (next) => {
        onChanged(next);
        setStatus(t('notify.mail.saved', { address: next.address ?? '' }));
      },
    );
  };
  const remove = () =>
    submit.run(
      () => api.removeMail(),
      () => {
        onChanged({ enabled: true, address: null });
        setAddress('');
        setStatus(t('notify.mail.removed'));
      },
    );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('notify.mail.title')}</h2>
      <p className="muted small">{t('notify.mail.explain')}</p>
      <form onSubmit={save} noValidate aria-label={t('notify.mail.title')}>
        <div className="field">
          <label htmlFor={`${id}-address`}>{t('notify.mail.address')}</label>
          <input
            id={`${id}-address`}
            type="email"
            autoComplete="email"
            maxLength={notificationLimits.addressLength}
            value={address}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-invalid` : undefined}
            onChange={(e) => {
              setAddress(e.target.value);
              setStatus('');
            }}
          />
          {invalid && (
            <p id={`${id}-invalid`} className="field-error">
              {t('notify.mail.invalid')}
            </p>
          )}
        </div>
        {!invalid && <FormError error={submit.error} />}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={submit.busy}>
            {t('notify.mail.save')}
          </button>
          {settings.address !== null && (
            <button type="button" className="button button-quiet" onClick={remove} aria-disabled={submit.busy}>
              {t('notify.mail.remove')}
            </button>
          )}
        </div>
        <p role="status" className="status-line small">
          {status || (settings.address === null ? t('notify.mail.none') : '')}
        </p>
      </form>
    </section>
  );
}
