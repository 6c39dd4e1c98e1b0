// In the goal recap, the meeting's column recalls what the group posted in its between-meetings
// stream since the last meeting, so the round starts from it.
import { currentStep, type GroupId } from '@vermeboard/shared';
import { useCallback, useId, useMemo } from 'react';
import { betweenApi } from '../api/between.js';
import { formatDateTime } from '../group/dates.js';
import { useLoaded } from '../group/useLoaded.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFacilitation } from './FacilitationProvider.js';

export function StreamRecapStep({ groupId, token }: { groupId: GroupId; token: string }) {
  const { state } = useFacilitation();
  if (state === null || currentStep(state)?.item.methodId !== 'goal-recap') return null;
  return <StreamRecap groupId={groupId} token={token} />;
}

function StreamRecap({ groupId, token }: { groupId: GroupId; token: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const api = useMemo(() => betweenApi(groupId, token), [groupId, token]);
  const { state } = useLoaded(useCallback(() => api.streamSinceLastMeeting(), [api]));
  if (state.status !== 'ready') return null;
  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="vb-fac-heading">
        {t('between.recap.title')}
      </h2>
      {state.data.length === 0 ? (
        <p>{t('between.recap.empty')}</p>
      ) : (
        <ul className="vb-stream-recap">
          {state.data.map((p) => (
            <li key={p.id}>
              <span className="vb-stream-recap__meta">
                {t('between.stream.meta', { name: p.authorName, date: formatDateTime(p.createdAt, locale) })}
              </span>{' '}
              {p.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
