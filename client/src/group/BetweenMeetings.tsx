// The group home's between-meetings sections: the stream, finding a common time and the season
// plan. The last two share the plan, which a booking changes, and tell the home when the next meeting may have moved.
import { useCallback, useMemo } from 'react';
import type { SeasonPlanResponse } from '@vermeboard/shared';
import { betweenApi } from '../api/between.js';
import { DatePollSection } from './DatePollSection.js';
import type { HomeContext } from './homeContext.js';
import { SeasonPlanSection } from './SeasonPlanSection.js';
import { SectionError } from './SectionError.js';
import { StreamSection } from './StreamSection.js';
import { useLoaded } from './useLoaded.js';
import './between.css';

export function BetweenMeetings({
  ctx,
  groupId,
  token,
  retentionDays,
  onNextMeetingChanged,
}: {
  ctx: HomeContext;
  groupId: Parameters<typeof betweenApi>[0];
  token: string;
  /** The group's retention, which the stream keeps to as well. */
  retentionDays: number | null;
  /** A booking may have made a new next meeting. */
  onNextMeetingChanged(): void;
}) {
  const api = useMemo(() => betweenApi(groupId, token), [groupId, token]);
  const polls = useLoaded(useCallback(() => api.polls(), [api]));
  const plan = useLoaded(useCallback(() => api.plan(), [api]));
  const setPlan = plan.set;
  const onBooked = useCallback(
    (next: SeasonPlanResponse) => {
      setPlan(next);
      onNextMeetingChanged();
    },
    [setPlan, onNextMeetingChanged],
  );
  return (
    <>
      <StreamSection ctx={ctx} api={api} retentionDays={retentionDays} />
      <DatePollSection ctx={ctx} api={api} polls={polls} onBooked={onBooked} />
      {plan.state.status === 'error' && <SectionError error={plan.state.error} onRetry={plan.reload} />}
      {plan.state.status === 'ready' && (
        <SeasonPlanSection ctx={ctx} api={api} plan={plan.state.data} onChanged={onBooked} />
      )}
    </>
  );
}
