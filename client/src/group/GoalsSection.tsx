// The group's 1–3 goals: why only a few, a hint towards concrete ones, add / edit / reorder /
// archive for contributors, and each goal's progress-note history.
import { processLimits, type Goal, type GoalId } from '@vermeboard/shared';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { HttpError } from '../api/errors.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { cleanText, moveItem, serverField } from './formInput.js';
import { canEdit, type HomeContext } from './homeContext.js';
import { ProgressNotes } from './ProgressNotes.js';
import { FormError, SectionError } from './SectionError.js';
import { useLoaded } from './useLoaded.js';
import { useSubmit } from './useSubmit.js';

export function GoalsSection({ ctx }: { ctx: HomeContext }) {
  const { t } = useI18n();
  const { api } = ctx;
  const { state, reload, set } = useLoaded(useCallback(() => api.goals(), [api]));
  const editable = canEdit(ctx.role);

  return (
    <section className="card" aria-labelledby="goals-title">
      <div className="card-heading">
        <h2 id="goals-title">{t('group.goals.title')}</h2>
        {state.status === 'ready' && (
          <span className="muted">
            {t('group.goals.count', { count: state.data.length, max: processLimits.activeGoals })}
          </span>
        )}
      </div>
      <p className="muted">{t('group.goals.why')}</p>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <SectionError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          {state.data.length === 0 ? (
            <p>{t('group.goals.empty')}</p>
          ) : (
            <ol className="goal-list">
              {state.data.map((goal, i) => (
                <GoalItem
                  key={goal.id}
                  ctx={ctx}
                  goal={goal}
                  n={i + 1}
                  goals={state.data}
                  editable={editable}
                  onGoals={set}
                  onArchived={reload}
                />
              ))}
            </ol>
          )}
          {editable &&
            (state.data.length < processLimits.activeGoals ? (
              <AddGoal ctx={ctx} onAdded={(goal) => set([...state.data, goal])} />
            ) : (
              <p className="notice notice-info">{t('group.goals.full')}</p>
            ))}
        </>
      )}
    </section>
  );
}

function GoalItem({
  ctx,
  goal,
  n,
  goals,
  editable,
  onGoals,
  onArchived,
}: {
  ctx: HomeContext;
  goal: Goal;
  n: number;
  goals: Goal[];
  editable: boolean;
  onGoals(goals: Goal[]): void;
  onArchived(): void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const move = useSubmit();
  const archive = useSubmit();

  const reorder = (to: number) => {
    const ids: GoalId[] = moveItem(goals, n - 1, to).map((g) => g.id);
    move.run(() => ctx.api.reorderGoals(ids), onGoals);
  };

  return (
    <li className="goal">
      {editing ? (
        <GoalTextForm
          label={t('group.goals.label', { n })}
          initial={goal.text}
          save={(text) => ctx.api.editGoal(goal.id, text)}
          onSaved={(saved) => {
            onGoals(goals.map((g) => (g.id === saved.id ? saved : g)));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="goal-row">
          <p className="goal-text">{goal.text}</p>
          {editable && (
            <div className="goal-actions">
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('group.goals.edit', { n })}
                onClick={() => setEditing(true)}
              >
                {t('group.edit')}
              </button>
              {n > 1 && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('group.goals.moveUp', { n })}
                  title={t('group.goals.moveUp', { n })}
                  aria-disabled={move.busy}
                  onClick={() => reorder(n - 2)}
                >
                  <span aria-hidden="true">↑</span>
                </button>
              )}
              {n < goals.length && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('group.goals.moveDown', { n })}
                  title={t('group.goals.moveDown', { n })}
                  aria-disabled={move.busy}
                  onClick={() => reorder(n)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              )}
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('group.goals.archive', { n })}
                onClick={() => setArchiving(true)}
              >
                {t('group.archive')}
              </button>
            </div>
          )}
        </div>
      )}
      <FormError error={move.error} />
      <ProgressNotes ctx={ctx} goalId={goal.id} />
      <ConfirmDialog
        open={archiving}
        title={t('group.goals.archiveTitle')}
        confirmLabel={t('group.goals.archiveConfirm')}
        busy={archive.busy}
        error={archive.error}
        onCancel={() => {
          archive.clear();
          setArchiving(false);
        }}
        onConfirm={() =>
          archive.run(
            () => ctx.api.archiveGoal(goal.id),
            () => {
              setArchiving(false);
              onArchived();
            },
          )
        }
      >
        <p>{t('group.goals.archiveBody', { text: goal.text })}</p>
      </ConfirmDialog>
    </li>
  );
}

function AddGoal({ ctx, onAdded }: { ctx: HomeContext; onAdded(goal: Goal): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('group.goals.add')}
      </button>
    );
  }
  return (
    <GoalTextForm
      label={t('group.goals.new')}
      hint={t('group.goals.hint')}
      initial=""
      autoFocus
      save={(text) => ctx.api.addGoal(text)}
      onSaved={(goal) => {
        onAdded(goal);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

/** One goal's text, for adding or editing. */
function GoalTextForm({
  label,
  hint,
  initial,
  autoFocus = true,
  save,
  onSaved,
  onCancel,
}: {
  label: string;
  hint?: string;
  initial: string;
  autoFocus?: boolean;
  save(text: string): Promise<Goal>;
  onSaved(goal: Goal): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const submit = useSubmit();
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanText(text, processLimits.goalText);
    setInvalid(clean === null);
    if (clean !== null) submit.run(() => save(clean), onSaved);
  };

  const server = serverField(submit.error);
  const textError = invalid || server?.field === 'text';
  // A fourth goal is refused without a field: say why at most three, in the reader's language.
  const full = submit.error instanceof HttpError && submit.error.status === 400 && !submit.error.field;
  const describedBy = [hint ? `${id}-hint` : '', textError ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          rows={2}
          value={text}
          maxLength={processLimits.goalText}
          // The form opens on the person's click, so moving focus into it is expected.
          autoFocus={autoFocus}
          aria-invalid={textError ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        {textError && (
          <p id={`${id}-error`} className="field-error">
            {t('group.goals.invalid', { max: processLimits.goalText })}
          </p>
        )}
      </div>
      {full ? (
        <p className="field-error" role="alert">
          {t('group.goals.full')}
        </p>
      ) : (
        !textError && <FormError error={submit.error} />
      )}
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
