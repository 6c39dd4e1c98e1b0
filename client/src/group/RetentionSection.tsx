// Confidentiality: whether a meeting's board and private notes are deleted N days after it ends.
// The facilitator decides; everyone else sees the rule, because it concerns what they write.
import { processLimits, type GroupSettingsResponse } from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { parseRetentionDays, serverField } from './formInput.js';
import type { HomeContext } from './homeContext.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

/** Offered when the facilitator switches deletion on: a month covers the time until the next meeting. */
const SUGGESTED_DAYS = 30;

interface Props {
  ctx: HomeContext;
  settings: GroupSettingsResponse;
  onSaved(settings: GroupSettingsResponse): void;
}

export function RetentionSection({ ctx, settings, onSaved }: Props) {
  const { t } = useI18n();
  const current = settings.deleteBoardsAfterDays;
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('group.retention.title')}</h2>
      <p className="muted">{t('group.retention.explain')}</p>
      {ctx.role === 'facilitator' ? (
        <RetentionForm ctx={ctx} settings={settings} onSaved={onSaved} />
      ) : (
        <p>{current === null ? t('group.retention.off') : t('group.retention.on', { days: current })}</p>
      )}
    </section>
  );
}

function RetentionForm({ ctx, settings, onSaved }: Props) {
  const { t } = useI18n();
  const id = useId();
  const saved = settings.deleteBoardsAfterDays;
  const [enabled, setEnabled] = useState(saved !== null);
  const [days, setDays] = useState(String(saved ?? SUGGESTED_DAYS));
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState(false);
  const submit = useSubmit();

  const save = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const parsed = enabled ? parseRetentionDays(days) : null;
    setInvalid(enabled && parsed === null);
    if (enabled && parsed === null) return;
    submit.run(
      () => ctx.api.setRetention(parsed),
      (next) => {
        onSaved(next);
        setDone(true);
      },
    );
  };

  const daysError = invalid || serverField(submit.error)?.field === 'deleteBoardsAfterDays';

  return (
    <form onSubmit={save} noValidate aria-label={t('group.retention.title')}>
      <div className="check-field">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
            setDone(false);
          }}
        />
        <label htmlFor={`${id}-on`}>{t('group.retention.toggle')}</label>
      </div>
      {enabled && (
        <div className="field field-narrow">
          <label htmlFor={`${id}-days`}>{t('group.retention.days')}</label>
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={1}
            max={processLimits.retentionDays}
            step={1}
            value={days}
            aria-invalid={daysError || undefined}
            aria-describedby={daysError ? `${id}-days-error` : undefined}
            onChange={(e) => {
              setDays(e.target.value);
              setDone(false);
            }}
          />
          {daysError && (
            <p id={`${id}-days-error`} className="field-error">
              {t('group.retention.daysInvalid', { max: processLimits.retentionDays })}
            </p>
          )}
        </div>
      )}
      <p className="small">{saved === null ? t('group.retention.off') : t('group.retention.on', { days: saved })}</p>
      {!daysError && <FormError error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('group.save')}
        </button>
        <p role="status" className="status-line">
          {done ? t('group.saved') : ''}
        </p>
      </div>
    </form>
  );
}
