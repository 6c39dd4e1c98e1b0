// The season plan: the group's planned meetings with an .ics each, the calendar feed to subscribe
// to (renewable by the facilitator), the group's time zone, and a form to add a date by hand.
import { betweenLimits, plannedMeetingBody, type PlannedMeeting, type SeasonPlanResponse } from '@vermeboard/shared';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { BetweenApi } from '../api/between.js';
import { HttpError } from '../api/errors.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDay } from './dates.js';
import type { HomeContext } from './homeContext.js';
import { FormError } from './SectionError.js';
import { formatSlot, localToday } from './slotTime.js';
import { useSubmit } from './useSubmit.js';

interface Props {
  ctx: HomeContext;
  api: BetweenApi;
  plan: SeasonPlanResponse;
  onChanged(plan: SeasonPlanResponse): void;
}

export function SeasonPlanSection({ ctx, api, plan, onChanged }: Props) {
  const { t } = useI18n();
  const facilitator = ctx.role === 'facilitator';
  const today = localToday();
  const upcoming = plan.meetings.filter((m) => m.date >= today);
  const past = plan.meetings.filter((m) => m.date < today);

  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('between.plan.title')}</h2>
      <p className="muted">{t('between.plan.intro')}</p>
      {upcoming.length === 0 ? (
        <p>{t('between.plan.empty')}</p>
      ) : (
        <ul className="plan-list" aria-label={t('between.plan.upcoming')}>
          {upcoming.map((m) => (
            <PlannedRow key={m.id} api={api} meeting={m} facilitator={facilitator} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details className="group-home-details">
          <summary>{t('between.plan.past', { count: past.length })}</summary>
          <ul className="plan-list">
            {past.map((m) => (
              <PlannedRow key={m.id} api={api} meeting={m} facilitator={facilitator} onChanged={onChanged} />
            ))}
          </ul>
        </details>
      )}
      <p className="small muted">{t('between.plan.timeZone', { zone: plan.timeZone })}</p>
      {facilitator && <AddPlanned api={api} onAdded={onChanged} />}
      {facilitator && <TimeZoneForm api={api} current={plan.timeZone} onSaved={onChanged} />}
      {plan.feedPath && <CalendarFeed api={api} path={plan.feedPath} facilitator={facilitator} onRotated={onChanged} />}
    </section>
  );
}

function PlannedRow({
  api,
  meeting,
  facilitator,
  onChanged,
}: {
  api: BetweenApi;
  meeting: PlannedMeeting;
  facilitator: boolean;
  onChanged(plan: SeasonPlanResponse): void;
}) {
  const { t, locale } = useI18n();
  const download = useSubmit();
  const remove = useSubmit();
  const day = formatDay(meeting.date, locale);
  const save = (blob: Blob) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `meeting-${meeting.date}.ics`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <li className="plan-item">
      <p className="plan-when">{formatSlot(meeting.date, meeting.time, meeting.minutes, locale)}</p>
      {(meeting.theme || meeting.place) && (
        <p className="small">{[meeting.theme, meeting.place].filter(Boolean).join(' · ')}</p>
      )}
      <div className="plan-actions">
        <button
          type="button"
          className="button button-quiet"
          aria-label={t('between.plan.icsName', { date: day })}
          onClick={() => download.run(() => api.ics(meeting.id), save)}
        >
          {t('between.plan.ics')}
        </button>
        {facilitator && (
          <button
            type="button"
            className="button button-danger-text"
            aria-label={t('between.plan.removeName', { date: day })}
            onClick={() => remove.run(() => api.removePlanned(meeting.id), onChanged)}
          >
            {t('between.plan.remove')}
          </button>
        )}
      </div>
      <FormError error={download.error ?? remove.error} />
    </li>
  );
}

function AddPlanned({ api, onAdded }: { api: BetweenApi; onAdded(plan: SeasonPlanResponse): void }) {
  const { t } = useI18n();
  const id = useId();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:00');
  const [theme, setTheme] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    const parsed = plannedMeetingBody.safeParse({ date, time, theme: theme.trim() === '' ? null : theme });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    submit.run(
      () => api.addPlanned(parsed.data),
      (plan) => {
        setDate('');
        setTheme('');
        onAdded(plan);
      },
    );
  };
  const full = submit.error instanceof HttpError && submit.error.status === 409;
  return (
    <details className="group-home-details">
      <summary>{t('between.plan.add')}</summary>
      <form onSubmit={send} noValidate aria-label={t('between.plan.add')}>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('between.poll.date')}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-invalid={invalid ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>{t('between.poll.start')}</label>
            <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-theme`}>{t('between.plan.theme')}</label>
          <input
            id={`${id}-theme`}
            type="text"
            value={theme}
            maxLength={betweenLimits.planTheme}
            onChange={(e) => setTheme(e.target.value)}
          />
        </div>
        {invalid && (
          <p className="field-error" role="alert">
            {t('between.plan.invalid')}
          </p>
        )}
        {full ? (
          <p className="field-error" role="alert">
            {t('between.plan.full')}
          </p>
        ) : (
          <FormError error={submit.error} />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
            {submit.busy ? t('group.saving') : t('between.plan.add')}
          </button>
        </div>
      </form>
    </details>
  );
}

function TimeZoneForm({
  api,
  current,
  onSaved,
}: {
  api: BetweenApi;
  current: string;
  onSaved(plan: SeasonPlanResponse): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return all.includes(current) ? all : [current, ...all];
  }, [current]);
  const [zone, setZone] = useState(current);
  const submit = useSubmit();
  return (
    <details className="group-home-details">
      <summary>{t('between.plan.timeZoneLabel')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit.run(() => api.setTimeZone(zone), onSaved);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('between.plan.timeZoneLabel')}</label>
          <select id={`${id}-zone`} value={zone} onChange={(e) => setZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <FormError error={submit.error} />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={submit.busy}>
            {t('between.plan.timeZoneSave')}
          </button>
        </div>
      </form>
    </details>
  );
}

function CalendarFeed({
  api,
  path,
  facilitator,
  onRotated,
}: {
  api: BetweenApi;
  path: string;
  facilitator: boolean;
  onRotated(plan: SeasonPlanResponse): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const url = new URL(path, window.location.origin).href;
  const [note, setNote] = useState('');
  const rotate = useSubmit();
  return (
    <div className="calendar-feed">
      <h3>{t('between.feed.title')}</h3>
      <p className="small muted">{t('between.feed.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-feed`}>{t('between.feed.label')}</label>
        <input id={`${id}-feed`} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setNote(t('between.feed.copied')));
          }}
        >
          {t('between.feed.copy')}
        </button>
        {facilitator && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() =>
              rotate.run(
                () => api.rotateFeed(),
                (plan) => {
                  setNote(t('between.feed.rotated'));
                  onRotated(plan);
                },
              )
            }
          >
            {t('between.feed.rotate')}
          </button>
        )}
        <p className="status-line" role="status">
          {note}
        </p>
      </div>
      <FormError error={rotate.error} />
    </div>
  );
}
