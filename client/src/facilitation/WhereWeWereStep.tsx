// The first meeting after the group's break opens with the "where we were" card in the meeting's
// column, on its first step, as the goal recap recalls the stream.
import type { GroupId } from '@vermeboard/shared';
import { useCallback, useMemo } from 'react';
import { notifyApi } from '../api/notify.js';
import { useLoaded } from '../group/useLoaded.js';
import { WhereWeWereCard } from '../group/WhereWeWereCard.js';
import { useFacilitation } from './FacilitationProvider.js';

export function WhereWeWereStep({ groupId, token }: { groupId: GroupId; token: string }) {
  const { state } = useFacilitation();
  const first = state?.status === 'running' && state.position?.agendaIndex === 0 && state.position.stepIndex === 0;
  if (!first) return null;
  return <AfterBreak groupId={groupId} token={token} />;
}

function AfterBreak({ groupId, token }: { groupId: GroupId; token: string }) {
  const api = useMemo(() => notifyApi(groupId, token), [groupId, token]);
  const { state } = useLoaded(useCallback(() => api.whereWeWere(), [api]));
  if (state.status !== 'ready' || state.data.reason !== 'afterBreak') return null;
  return (
    <WhereWeWereCard
      groupId={groupId}
      card={state.data}
      reason="afterBreak"
      className="vb-fac-section"
      headingClassName="vb-fac-heading"
      summaryLinks={false}
    />
  );
}
