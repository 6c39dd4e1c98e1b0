// "Find a common time": open date polls with everyone's answers, best times first; each member marks
// yes / if need be / no per time with their personal token; the facilitator books one (it goes to
// the season plan); contributors propose new polls.
import {
  betweenLimits,
  createDatePollBody,
  type DatePoll,
  type PollAnswer,
  type PollSlot,
  type PollSlotId,
  type SeasonPlanResponse,
} from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import type { BetweenApi } from '../api/between.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { HttpError } from '../api/errors.js';
import { cleanText } from './formInput.js';
import { canEdit, type HomeContext } from './homeContext.js';
import { FormError, SectionError } from './SectionError.js';
import { formatSlot } from './slotTime.js';
import type { Loaded } from './useLoaded.js';
import { useSubmit } from './useSubmit.js';

const answers: readonly PollAnswer[] = ['yes', 'maybe', 'no'];
const lengths = [60, 90, 120, 150, 180, 240];

interface Props {
  ctx: HomeContext;
  api: BetweenApi;
  polls: { state: Loaded<DatePoll[]>; reload(): void; set(polls: DatePoll[]): void };
  /** A booking changed the season plan (and maybe the next meeting). */
  onBooked(plan: SeasonPlanResponse): void;
}

export function DatePollSection({ ctx, api, polls, onBooked }: Props) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const { state } = polls;
  const replace = (poll: DatePoll) => {
    if (state.status === 'ready') polls.set(state.data.map((p) => (p.id === poll.id ? poll : p)));
  };
  const open = state.status === 'ready' ? state.data.filter((p) => p.bookedSlotId === null) : [];
  // The latest booked poll stays in view, so people see what was decided.
  const lastBooked = state.status === 'ready' ? state.data.find((p) => p.bookedSlotId !== null) : undefined;

  return (
    <section className="card" aria-labelledby="poll-title">
      <div className="card-heading">
        <h2 id="poll-title">{t('between.poll.title')}</h2>
        {canEdit(ctx.role) && !creating && (
          <button type="button" className="button button-quiet" onClick={() => setCreating(true)}>
            {t('between.poll.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('between.poll.intro')}</p>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <SectionError error={state.error} onRetry={polls.reload} />}
      {creating && (
        <NewPollForm
          api={api}
          onCreated={(poll) => {
            if (state.status === 'ready') polls.set([poll, ...state.data]);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {state.status === 'ready' && open.length === 0 && !lastBooked && <p>{t('between.poll.empty')}</p>}
      {open.map((poll) => (
        <PollCard
          key={poll.id}
          ctx={ctx}
          api={api}
          poll={poll}
          onChanged={replace}
          onBooked={(booked, plan) => {
            replace(booked);
            onBooked(plan);
          }}
          onRemoved={() => state.status === 'ready' && polls.set(state.data.filter((p) => p.id !== poll.id))}
        />
      ))}
      {lastBooked && <BookedPoll poll={lastBooked} />}
    </section>
  );
}

function BookedPoll({ poll }: { poll: DatePoll }) {
  const { t, locale } = useI18n();
  const slot = poll.slots.find((s) => s.id === poll.bookedSlotId);
  if (!slot) return null;
  return (
    <div className="poll poll-booked">
      <h3>{poll.title}</h3>
      <p>
        <strong>{t('between.poll.booked', { time: formatSlot(slot.date, slot.start, slot.minutes, locale) })}</strong>
      </p>
      <p className="muted">{t('between.poll.bookedNote')}</p>
    </div>
  );
}

function PollCard({
  ctx,
  api,
  poll,
  onChanged,
  onBooked,
  onRemoved,
}: {
  ctx: HomeContext;
  api: BetweenApi;
  poll: DatePoll;
  onChanged(poll: DatePoll): void;
  onBooked(poll: DatePoll, plan: SeasonPlanResponse): void;
  onRemoved(): void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const mine = (slot: PollSlot) => slot.answers.find((a) => a.participantId === ctx.me)?.answer;
  const [draft, setDraft] = useState<Partial<Record<PollSlotId, PollAnswer>>>(() =>
    Object.fromEntries(poll.slots.flatMap((s) => (mine(s) ? [[s.id, mine(s)]] : []))),
  );
  const [saved, setSaved] = useState(false);
  const save = useSubmit();
  const act = useSubmit();
  const canAnswer = canEdit(ctx.role);
  const facilitator = ctx.role === 'facilitator';
  const best = poll.slots[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = poll.slots.flatMap((s) => (draft[s.id] ? [{ slotId: s.id, answer: draft[s.id]! }] : []));
    setSaved(false);
    save.run(
      () => api.answer(poll.id, list),
      (updated) => {
        onChanged(updated);
        setSaved(true);
      },
    );
  };

  return (
    <form className="poll" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <div className="card-heading">
        <h3 id={`${id}-title`}>{poll.title}</h3>
        {facilitator && (
          <button
            type="button"
            className="button button-danger-text"
            aria-label={t('between.poll.removeName', { title: poll.title })}
            onClick={() => act.run(() => api.removePoll(poll.id), onRemoved)}
          >
            {t('between.poll.remove')}
          </button>
        )}
      </div>
      <p className="muted small">
        {poll.createdByName
          ? t('between.poll.meta', { name: poll.createdByName, count: poll.respondents })
          : t('between.poll.metaNoName', { count: poll.respondents })}
      </p>
      <ol className="poll-slots">
        {poll.slots.map((slot) => {
          const time = formatSlot(slot.date, slot.start, slot.minutes, locale);
          return (
            <li key={slot.id} className="poll-slot">
              <div className="poll-slot-head">
                <span className="poll-slot-time">{time}</span>
                {slot === best && slot.no === 0 && slot.yes + slot.maybe > 0 && (
                  <span className="badge">{t('between.poll.best')}</span>
                )}
              </div>
              <p className="small">{t('between.poll.counts', { yes: slot.yes, maybe: slot.maybe, no: slot.no })}</p>
              {slot.answers.length > 0 && (
                <ul className="poll-who small" aria-label={t('between.poll.who')}>
                  {slot.answers.map((a) => (
                    <li key={a.participantId} className={`poll-who-${a.answer}`}>
                      {a.displayName}: {t(`between.poll.${a.answer}`)}
                    </li>
                  ))}
                </ul>
              )}
              {canAnswer && (
                <fieldset className="poll-answer">
                  <legend className="visually-hidden">{t('between.poll.yourAnswer', { time })}</legend>
                  <div className="segmented">
                    {answers.map((a) => (
                      <label key={a} className="segment">
                        <input
                          type="radio"
                          name={`${id}-${slot.id}`}
                          value={a}
                          checked={draft[slot.id] === a}
                          onChange={() => {
                            setSaved(false);
                            setDraft((d) => ({ ...d, [slot.id]: a }));
                          }}
                        />
                        <span>{t(`between.poll.${a}`)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              {facilitator && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('between.poll.bookName', { time })}
                  onClick={() =>
                    act.run(
                      () => api.book(poll.id, slot.id),
                      (r) => onBooked(r.poll, r.plan),
                    )
                  }
                >
                  {t('between.poll.book')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <FormError error={act.error} />
      {canAnswer && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={save.busy}>
            {save.busy ? t('group.saving') : t('between.poll.save')}
          </button>
          <p className="status-line" role="status">
            {saved ? t('between.poll.savedAnswers') : ''}
          </p>
        </div>
      )}
      <FormError error={save.error} />
    </form>
  );
}

interface SlotDraft {
  key: number;
  date: string;
  start: string;
  minutes: number;
}

function NewPollForm({
  api,
  onCreated,
  onCancel,
}: {
  api: BetweenApi;
  onCreated(poll: DatePoll): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  const [slots, setSlots] = useState<SlotDraft[]>([{ key: 0, date: '', start: '18:00', minutes: 120 }]);
  const [invalid, setInvalid] = useState<'title' | 'slots' | 'duplicate' | null>(null);
  const submit = useSubmit();
  const change = (key: number, patch: Partial<SlotDraft>) =>
    setSlots((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  const send = (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanText(title, betweenLimits.pollTitle);
    if (clean === null) return setInvalid('title');
    const body = { title: clean, slots: slots.map(({ date, start, minutes }) => ({ date, start, minutes })) };
    const parsed = createDatePollBody.safeParse(body);
    if (!parsed.success) {
      const duplicate = parsed.error.issues.some((i) => i.path.length === 1 && i.path[0] === 'slots');
      return setInvalid(duplicate ? 'duplicate' : 'slots');
    }
    setInvalid(null);
    submit.run(() => api.createPoll(parsed.data), onCreated);
  };
  const full = submit.error instanceof HttpError && submit.error.status === 409;

  return (
    <form className="inline-form" onSubmit={send} noValidate aria-label={t('between.poll.new')}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('between.poll.name')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={betweenLimits.pollTitle}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={invalid === 'title' ? true : undefined}
          aria-describedby={`${id}-title-hint${invalid === 'title' ? ` ${id}-title-error` : ''}`}
        />
        <p id={`${id}-title-hint`} className="field-hint">
          {t('between.poll.nameHint')}
        </p>
        {invalid === 'title' && (
          <p id={`${id}-title-error`} className="field-error">
            {t('between.poll.nameInvalid', { max: betweenLimits.pollTitle })}
          </p>
        )}
      </div>
      {slots.map((s, i) => (
        <fieldset key={s.key} className="slot-draft">
          <legend>{t('between.poll.slot', { n: i + 1 })}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-${s.key}-date`}>{t('between.poll.date')}</label>
              <input
                id={`${id}-${s.key}-date`}
                type="date"
                value={s.date}
                onChange={(e) => change(s.key, { date: e.target.value })}
                aria-invalid={invalid === 'slots' && !s.date ? true : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${s.key}-start`}>{t('between.poll.start')}</label>
              <input
                id={`${id}-${s.key}-start`}
                type="time"
                value={s.start}
                onChange={(e) => change(s.key, { start: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${s.key}-length`}>{t('between.poll.length')}</label>
              <select
                id={`${id}-${s.key}-length`}
                value={s.minutes}
                onChange={(e) => change(s.key, { minutes: Number(e.target.value) })}
              >
                {lengths.map((m) => (
                  <option key={m} value={m}>
                    {t('between.poll.minutes', { count: m })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {slots.length > 1 && (
            <button
              type="button"
              className="button button-danger-text"
              onClick={() => setSlots((list) => list.filter((x) => x.key !== s.key))}
            >
              {t('between.poll.removeSlot', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {(invalid === 'slots' || invalid === 'duplicate') && (
        <p className="field-error" role="alert">
          {t(invalid === 'slots' ? 'between.poll.slotInvalid' : 'between.poll.duplicate')}
        </p>
      )}
      {slots.length < betweenLimits.pollSlots && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() =>
            setSlots((list) => [...list, { ...list[list.length - 1]!, key: Math.max(...list.map((x) => x.key)) + 1 }])
          }
        >
          {t('between.poll.addSlot')}
        </button>
      )}
      {full ? (
        <p className="field-error" role="alert">
          {t('between.poll.full')}
        </p>
      ) : (
        <FormError error={submit.error} />
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('between.poll.create')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('group.cancel')}
        </button>
      </div>
    </form>
  );
}
