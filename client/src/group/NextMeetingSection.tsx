// The next meeting's date and theme, agreed in a meeting's closing step and editable by the group.
import { processLimits, type GroupSettingsResponse } from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDay } from './dates.js';
import { cleanText, parseOptionalDate, serverField } from './formInput.js';
import { canEdit, type HomeContext } from './homeContext.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

interface Props {
  ctx: HomeContext;
  settings: GroupSettingsResponse;
  onSaved(settings: GroupSettingsResponse): void;
}

export function NextMeetingSection({ ctx, settings, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const { date, theme } = settings.nextMeeting;

  return (
    <section className="card" aria-labelledby="next-title">
      <div className="card-heading">
        <h2 id="next-title">{t('group.next.title')}</h2>
        {canEdit(ctx.role) && !editing && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('group.next.edit')}
            onClick={() => setEditing(true)}
          >
            {t('group.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <NextMeetingForm
          ctx={ctx}
          settings={settings}
          onSaved={(next) => {
            onSaved(next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="facts">
          <dt>{t('group.next.date')}</dt>
          <dd>{date ? formatDay(date, locale) : <span className="muted">{t('group.next.noDate')}</span>}</dd>
          <dt>{t('group.next.theme')}</dt>
          <dd>{theme ?? <span className="muted">{t('group.next.noTheme')}</span>}</dd>
        </dl>
      )}
    </section>
  );
}

function NextMeetingForm({ ctx, settings, onSaved, onCancel }: Props & { onCancel(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [date, setDate] = useState(settings.nextMeeting.date ?? '');
  const [theme, setTheme] = useState(settings.nextMeeting.theme ?? '');
  const [invalid, setInvalid] = useState<{ date: boolean; theme: boolean }>({ date: false, theme: false });
  const submit = useSubmit();

  const save = (e: FormEvent) => {
    e.preventDefault();
    const parsedDate = parseOptionalDate(date);
    const cleanTheme = theme.trim() === '' ? null : cleanText(theme, processLimits.nextMeetingTheme);
    const bad = { date: !parsedDate.ok, theme: theme.trim() !== '' && cleanTheme === null };
    setInvalid(bad);
    if (bad.date || bad.theme || !parsedDate.ok) return;
    submit.run(() => ctx.api.setNextMeeting({ date: parsedDate.value, theme: cleanTheme }), onSaved);
  };

  const server = serverField(submit.error);
  const dateError = invalid.date || server?.field === 'date';
  const themeError = invalid.theme || server?.field === 'theme';

  return (
    <form onSubmit={save} noValidate aria-label={t('group.next.edit')}>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('group.next.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? `${id}-date-error` : undefined}
        />
        {dateError && (
          <p id={`${id}-date-error`} className="field-error">
            {t('group.next.dateInvalid')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-theme`}>{t('group.next.theme')}</label>
        <input
          id={`${id}-theme`}
          type="text"
          value={theme}
          maxLength={processLimits.nextMeetingTheme}
          onChange={(e) => setTheme(e.target.value)}
          aria-invalid={themeError ? true : undefined}
          aria-describedby={`${id}-theme-hint${themeError ? ` ${id}-theme-error` : ''}`}
        />
        <p id={`${id}-theme-hint`} className="field-hint">
          {t('group.next.themeHint')}
        </p>
        {themeError && (
          <p id={`${id}-theme-error`} className="field-error">
            {t('group.next.themeInvalid', { max: processLimits.nextMeetingTheme })}
          </p>
        )}
      </div>
      {!dateError && !themeError && <FormError error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('group.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('group.cancel')}
        </button>
      </div>
    </form>
  );
}
