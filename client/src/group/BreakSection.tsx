// The group's summer break: the facilitator marks its first and last day; during it reminders and
// digests pause, and the first meeting after it opens with "where we were". Everyone sees it.
import { groupBreakBody, type GroupBreak } from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import type { NotifyApi } from '../api/notify.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDay } from './dates.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

export function BreakSection({
  api,
  value,
  facilitator,
  onChanged,
}: {
  api: NotifyApi;
  value: GroupBreak | null;
  facilitator: boolean;
  onChanged(next: GroupBreak | null): void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [from, setFrom] = useState(value?.from ?? '');
  const [to, setTo] = useState(value?.to ?? '');
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  const current = value
    ? t('notify.break.current', { from: formatDay(value.from, locale), to: formatDay(value.to, locale) })
    : t('notify.break.none');

  const save = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const parsed = groupBreakBody.safeParse({ break: { from, to } });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    submit.run(
      () => api.setBreak(parsed.data.break),
      (next) => {
        onChanged(next);
        setDone(true);
      },
    );
  };
  const clear = () =>
    submit.run(
      () => api.setBreak(null),
      () => {
        onChanged(null);
        setFrom('');
        setTo('');
        setDone(true);
      },
    );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('notify.break.title')}</h2>
      <p className="muted small">{t('notify.break.explain')}</p>
      <p>{current}</p>
      {facilitator && (
        <form onSubmit={save} noValidate aria-label={t('notify.break.title')}>
          <div className="break-fields">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('notify.break.from')}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={from}
                aria-invalid={invalid || undefined}
                onChange={(e) => setFrom(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('notify.break.to')}</label>
              <input
                id={`${id}-to`}
                type="date"
                value={to}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-invalid` : undefined}
                onChange={(e) => setTo(e.target.value)}
              />
            </div>
          </div>
          {invalid && (
            <p id={`${id}-invalid`} className="field-error">
              {t('notify.break.invalid')}
            </p>
          )}
          {!invalid && <FormError error={submit.error} />}
          <div className="form-actions">
            <button type="submit" className="button" aria-disabled={submit.busy}>
              {t('notify.break.save')}
            </button>
            {value && (
              <button type="button" className="button button-quiet" onClick={clear} aria-disabled={submit.busy}>
                {t('notify.break.clear')}
              </button>
            )}
            <p role="status" className="status-line">
              {done ? t('notify.break.saved') : ''}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}
