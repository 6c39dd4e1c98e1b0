// The goal recap's "Adjust" step: the action items still open from earlier meetings, to tick off
// together. Ticking one calls the action-item API; the group home shows the same list.
import { currentStep, type ActionItem, type GroupId, type MeetingId } from '@vermeboard/shared';
import { useCallback, useMemo, useState } from 'react';
import { processApi } from '../api/process.js';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useLoaded } from '../group/useLoaded.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDay } from '../group/dates.js';
import './summary.css';

/** The step where last meeting's action items are ticked off (METHODS.md, goal recap). */
export function isActionReviewStep(methodId: string | undefined, stepId: string | undefined): boolean {
  return methodId === 'goal-recap' && stepId === 'adjust';
}

/** Open items agreed before this meeting, oldest first. */
export function itemsToReview(items: readonly ActionItem[], meetingId: MeetingId): ActionItem[] {
  return items.filter((a) => a.doneAt === null && a.meetingId !== meetingId);
}

export function OpenActionItems({ groupId, token }: { groupId: GroupId; token: string }) {
  const { state, meetingId, actor } = useFacilitation();
  const current = state ? currentStep(state) : null;
  if (!isActionReviewStep(current?.item.methodId, current?.step.id)) return null;
  return <ActionReview groupId={groupId} token={token} meetingId={meetingId} canTick={actor.role !== 'observer'} />;
}

function ActionReview({
  groupId,
  token,
  meetingId,
  canTick,
}: {
  groupId: GroupId;
  token: string;
  meetingId: MeetingId;
  canTick: boolean;
}) {
  const { t, locale } = useI18n();
  const api = useMemo(() => processApi(groupId, token), [groupId, token]);
  const { state, set } = useLoaded(useCallback(() => api.actionItems('open'), [api]));
  const [failed, setFailed] = useState(false);

  const tick = async (item: ActionItem) => {
    if (state.status !== 'ready') return;
    try {
      const updated = await api.updateActionItem(item.id, { done: true });
      set(state.data.map((a) => (a.id === updated.id ? updated : a)));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  const items = state.status === 'ready' ? itemsToReview(state.data, meetingId) : [];
  return (
    <section className="vb-fac-section" aria-labelledby="vb-open-actions">
      <h2 className="vb-fac-heading" id="vb-open-actions">
        {t('summary.openActions.heading')}
      </h2>
      {state.status === 'loading' && <p role="status">{t('summary.loading')}</p>}
      {(state.status === 'error' || failed) && <p role="alert">{t('summary.openActions.failed')}</p>}
      {state.status === 'ready' && items.length === 0 && (
        <p className="vb-fac-hint">{t('summary.openActions.empty')}</p>
      )}
      <ul className="vb-open-actions">
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                disabled={!canTick}
                checked={false}
                onChange={() => void tick(item)}
                aria-label={t('summary.openActions.done', { text: item.text })}
              />{' '}
              {item.text}
            </label>
            {(item.ownerName || item.dueDate) && (
              <span className="vb-fac-hint">
                {' '}
                {[item.ownerName, item.dueDate && formatDay(item.dueDate, locale)].filter(Boolean).join(' · ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
