// The next meeting as one record — date, time, place or link, theme — agreed in the meeting's last
// step (the same form shows in the meeting's column there) and editable on the group home.
import { processLimits, type GroupSettingsResponse, type NextMeeting, type NextMeetingBody } from '@vermeboard/shared';
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
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);

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
          save={ctx.api.setNextMeeting}
          next={settings.nextMeeting}
          onSaved={(next) => {
            onSaved(next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <NextMeetingFacts next={settings.nextMeeting} />
      )}
    </section>
  );
}

export function NextMeetingFacts({ next }: { next: NextMeeting }) {
  const { t, locale } = useI18n();
  const missing = (key: Parameters<typeof t>[0]) => <span className="muted">{t(key)}</span>;
  return (
    <dl className="facts">
      <dt>{t('group.next.date')}</dt>
      <dd>
        {next.date
          ? `${formatDay(next.date, locale)}${next.time ? ` ${next.time}` : ''}`
          : missing('group.next.noDate')}
      </dd>
      <dt>{t('group.next.place')}</dt>
      <dd>{next.place ?? missing('group.next.noPlace')}</dd>
      <dt>{t('group.next.theme')}</dt>
      <dd>{next.theme ?? missing('group.next.noTheme')}</dd>
    </dl>
  );
}

interface FormProps {
  save(next: NextMeetingBody): Promise<GroupSettingsResponse>;
  next: NextMeeting;
  onSaved(settings: GroupSettingsResponse): void;
  onCancel?: () => void;
}

type Field = 'date' | 'time' | 'place' | 'theme';

export function NextMeetingForm({ save: send, next, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const [date, setDate] = useState(next.date ?? '');
  const [time, setTime] = useState(next.time ?? '');
  const [place, setPlace] = useState(next.place ?? '');
  const [theme, setTheme] = useState(next.theme ?? '');
  const [invalid, setInvalid] = useState<Record<Field, boolean>>({
    date: false,
    time: false,
    place: false,
    theme: false,
  });
  const submit = useSubmit();

  const save = (e: FormEvent) => {
    e.preventDefault();
    const parsedDate = parseOptionalDate(date);
    const cleanTime = /^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? time : null;
    const optional = (text: string, max: number) => (text.trim() === '' ? null : cleanText(text, max));
    const cleanPlace = optional(place, processLimits.nextMeetingPlace);
    const cleanTheme = optional(theme, processLimits.nextMeetingTheme);
    const bad = {
      date: !parsedDate.ok,
      time: time !== '' && cleanTime === null,
      place: place.trim() !== '' && cleanPlace === null,
      theme: theme.trim() !== '' && cleanTheme === null,
    };
    setInvalid(bad);
    if (Object.values(bad).some(Boolean) || !parsedDate.ok) return;
    submit.run(() => send({ date: parsedDate.value, time: cleanTime, place: cleanPlace, theme: cleanTheme }), onSaved);
  };

  const server = serverField(submit.error);
  const error = (field: Field) => invalid[field] || server?.field === field;
  const anyError = (['date', 'time', 'place', 'theme'] as const).some(error);

  return (
    <form onSubmit={save} noValidate aria-label={t('group.next.edit')}>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('group.next.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={error('date') ? true : undefined}
            aria-describedby={error('date') ? `${id}-date-error` : undefined}
          />
          {error('date') && (
            <p id={`${id}-date-error`} className="field-error">
              {t('group.next.dateInvalid')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('group.next.time')}</label>
          <input
            id={`${id}-time`}
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            aria-invalid={error('time') ? true : undefined}
            aria-describedby={error('time') ? `${id}-time-error` : undefined}
          />
          {error('time') && (
            <p id={`${id}-time-error`} className="field-error">
              {t('group.next.timeInvalid')}
            </p>
          )}
        </div>
      </div>
      <TextInput
        id={`${id}-place`}
        label={t('group.next.place')}
        hint={t('group.next.placeHint')}
        error={error('place') ? t('group.next.placeInvalid', { max: processLimits.nextMeetingPlace }) : null}
        value={place}
        max={processLimits.nextMeetingPlace}
        onChange={setPlace}
      />
      <TextInput
        id={`${id}-theme`}
        label={t('group.next.theme')}
        hint={t('group.next.themeHint')}
        error={error('theme') ? t('group.next.themeInvalid', { max: processLimits.nextMeetingTheme }) : null}
        value={theme}
        max={processLimits.nextMeetingTheme}
        onChange={setTheme}
      />
      {!anyError && <FormError error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('group.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('group.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function TextInput(props: {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  value: string;
  max: number;
  onChange(value: string): void;
}) {
  const { id, label, hint, error, value, max, onChange } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={max}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
