// What the group agreed to do: open items with owner and due date, ticked off or reopened here;
// done items collapsed below; a form to add one (it belongs to the newest meeting).
import { processLimits, type ActionItem, type ParticipantId } from '@vermeboard/shared';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDate, formatDay, isOverdue } from './dates.js';
import { cleanText, parseOptionalDate, serverField } from './formInput.js';
import { canEdit, newestMeeting, type HomeContext } from './homeContext.js';
import { FormError, SectionError } from './SectionError.js';
import { useLoaded } from './useLoaded.js';
import { useSubmit } from './useSubmit.js';

export function ActionItemsSection({ ctx }: { ctx: HomeContext }) {
  const { t } = useI18n();
  const { api } = ctx;
  const { state, reload, set } = useLoaded(useCallback(() => api.actionItems('all'), [api]));
  const editable = canEdit(ctx.role);
  const replace = (item: ActionItem) => {
    if (state.status === 'ready') set(state.data.map((i) => (i.id === item.id ? item : i)));
  };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('group.actions.title')}</h2>
      <p className="muted">{t('group.actions.intro')}</p>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <SectionError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <ActionLists ctx={ctx} items={state.data} editable={editable} onChanged={replace} />}
      {editable && state.status === 'ready' && (
        <AddActionItem ctx={ctx} onAdded={(item) => set([...state.data, item])} />
      )}
    </section>
  );
}

function ActionLists({
  ctx,
  items,
  editable,
  onChanged,
}: {
  ctx: HomeContext;
  items: ActionItem[];
  editable: boolean;
  onChanged(item: ActionItem): void;
}) {
  const { t } = useI18n();
  // Soonest due first; items without a date after those with one.
  const open = items
    .filter((i) => i.doneAt === null)
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const done = items
    .filter((i) => i.doneAt !== null)
    .sort((a, b) => Date.parse(b.doneAt ?? '') - Date.parse(a.doneAt ?? ''));
  return (
    <>
      {open.length === 0 ? (
        <p>{t('group.actions.empty')}</p>
      ) : (
        <ul className="action-list" aria-label={t('group.actions.open')}>
          {open.map((item) => (
            <ActionRow key={item.id} ctx={ctx} item={item} editable={editable} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details className="done-actions">
          <summary>{t('group.actions.done', { count: done.length })}</summary>
          <ul className="action-list">
            {done.map((item) => (
              <ActionRow key={item.id} ctx={ctx} item={item} editable={editable} onChanged={onChanged} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function ActionRow({
  ctx,
  item,
  editable,
  onChanged,
}: {
  ctx: HomeContext;
  item: ActionItem;
  editable: boolean;
  onChanged(item: ActionItem): void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const toggle = useSubmit();
  // Shown at once on click, so the box does not lag behind the hand; the server's answer settles it.
  const [pending, setPending] = useState<boolean | null>(null);
  const done = item.doneAt !== null;
  const overdue = !done && item.dueDate !== null && isOverdue(item.dueDate);
  const meta = [
    item.ownerName ? t('group.actions.ownerIs', { name: item.ownerName }) : t('group.actions.noOwner'),
    item.dueDate && t('group.actions.due', { date: formatDay(item.dueDate, locale) }),
    item.doneAt && t('group.actions.doneOn', { date: formatDate(item.doneAt, locale) }),
  ].filter(Boolean);

  return (
    <li className={done ? 'action done' : 'action'}>
      {editable ? (
        <input
          id={id}
          type="checkbox"
          checked={toggle.busy && pending !== null ? pending : done}
          aria-describedby={`${id}-meta`}
          onChange={() => {
            setPending(!done);
            toggle.run(() => ctx.api.updateActionItem(item.id, { done: !done }), onChanged);
          }}
        />
      ) : (
        <span className="action-mark" aria-hidden="true">
          {done ? '✓' : '•'}
        </span>
      )}
      <div>
        {editable ? (
          <label htmlFor={id} className="action-text">
            {item.text}
          </label>
        ) : (
          <p className="action-text">{item.text}</p>
        )}
        <p id={`${id}-meta`} className="muted small">
          {meta.join(' · ')}
          {overdue && (
            <>
              {' '}
              <span className="badge badge-warning">{t('group.actions.overdue')}</span>
            </>
          )}
        </p>
        <FormError error={toggle.error} />
      </div>
    </li>
  );
}

type ActionField = 'text' | 'ownerParticipantId' | 'dueDate';

function AddActionItem({ ctx, onAdded }: { ctx: HomeContext; onAdded(item: ActionItem): void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [invalid, setInvalid] = useState<ActionField | null>(null);
  const submit = useSubmit();
  const meeting = newestMeeting(ctx.meetings);
  const owners = ctx.members.filter((m) => !m.removed && m.role !== 'observer');

  if (!meeting) return <p className="muted small">{t('group.actions.needsMeeting')}</p>;
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('group.actions.add')}
      </button>
    );
  }

  const save = (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanText(text, processLimits.actionText, true);
    const date = parseOptionalDate(due);
    const bad: ActionField | null = clean === null ? 'text' : !date.ok ? 'dueDate' : null;
    setInvalid(bad);
    if (bad || clean === null || !date.ok) return;
    const ownerId = owners.find((m) => m.id === owner)?.id ?? null;
    submit.run(
      () =>
        ctx.api.addActionItem({
          meetingId: meeting.id,
          text: clean,
          ownerParticipantId: ownerId satisfies ParticipantId | null,
          dueDate: date.value,
        }),
      (item) => {
        onAdded(item);
        setText('');
        setOwner('');
        setDue('');
        setOpen(false);
      },
    );
  };

  const server = serverField(submit.error)?.field;
  const errorOf = (field: ActionField) => invalid === field || server === field;
  const describe = (field: ActionField) => (errorOf(field) ? `${id}-${field}-error` : undefined);
  const messages: Record<ActionField, string> = {
    text: t('group.actions.textInvalid', { max: processLimits.actionText }),
    ownerParticipantId: t('group.actions.ownerInvalid'),
    dueDate: t('group.actions.dateInvalid'),
  };
  const errorText = (field: ActionField) =>
    errorOf(field) && (
      <p id={`${id}-${field}-error`} className="field-error">
        {messages[field]}
      </p>
    );

  return (
    <form className="inline-form" onSubmit={save} noValidate aria-label={t('group.actions.add')}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('group.actions.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={text}
          autoFocus
          maxLength={processLimits.actionText}
          aria-invalid={errorOf('text') || undefined}
          aria-describedby={describe('text')}
          onChange={(e) => setText(e.target.value)}
        />
        {errorText('text')}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('group.actions.owner')}</label>
          <select
            id={`${id}-owner`}
            value={owner}
            aria-invalid={errorOf('ownerParticipantId') || undefined}
            aria-describedby={describe('ownerParticipantId')}
            onChange={(e) => setOwner(e.target.value)}
          >
            <option value="">{t('group.actions.noOwner')}</option>
            {owners.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
          {errorText('ownerParticipantId')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('group.actions.dueDate')}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={due}
            aria-invalid={errorOf('dueDate') || undefined}
            aria-describedby={describe('dueDate')}
            onChange={(e) => setDue(e.target.value)}
          />
          {errorText('dueDate')}
        </div>
      </div>
      {!invalid && !(server && server in messages) && <FormError error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('group.actions.add')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {t('group.cancel')}
        </button>
      </div>
    </form>
  );
}
