// The next-meeting step's form in the meeting's column: the group agrees on the date, time, place
// and theme while everyone is present, and the record is the same one the group home edits.
import { currentStep, type GroupId } from '@vermeboard/shared';
import { useCallback, useId, useMemo } from 'react';
import { processApi } from '../api/process.js';
import { NextMeetingFacts, NextMeetingForm } from '../group/NextMeetingSection.js';
import { useLoaded } from '../group/useLoaded.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFacilitation } from './FacilitationProvider.js';

export function NextMeetingStep({ groupId, token }: { groupId: GroupId; token: string }) {
  const { state } = useFacilitation();
  if (state === null || currentStep(state)?.item.methodId !== 'next-meeting') return null;
  return <NextMeetingRecord groupId={groupId} token={token} />;
}

function NextMeetingRecord({ groupId, token }: { groupId: GroupId; token: string }) {
  const { t } = useI18n();
  const { actor } = useFacilitation();
  const headingId = useId();
  const api = useMemo(() => processApi(groupId, token), [groupId, token]);
  const { state, set } = useLoaded(useCallback(() => api.settings(), [api]));
  if (state.status !== 'ready') return null;
  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="vb-fac-heading">
        {t('group.next.stepTitle')}
      </h2>
      {actor.role === 'observer' ? (
        <NextMeetingFacts next={state.data.nextMeeting} />
      ) : (
        <NextMeetingForm save={api.setNextMeeting} next={state.data.nextMeeting} onSaved={set} />
      )}
    </section>
  );
}
