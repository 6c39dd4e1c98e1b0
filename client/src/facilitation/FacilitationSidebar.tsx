// The facilitation column beside the board: the step card, my controls, the turn order, the vote,
// the facilitator's panel, and the last command error.
import { useEffect, useRef } from 'react';
import { can, type GroupId } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { EndedMeeting } from './EndedMeeting.js';
import { FacilitatorBar, FacilitatorPanel } from './FacilitatorPanel.js';
import { useFacilitation } from './FacilitationProvider.js';
import { NextMeetingStep } from './NextMeetingStep.js';
import { ParticipantControls } from './ParticipantControls.js';
import { StepCard } from './StepCard.js';
import { StreamRecapStep } from './StreamRecapStep.js';
import { TurnOrder } from './TurnOrder.js';
import { WhereWeWereStep } from './WhereWeWereStep.js';
import { VoteStatus } from './VoteStatus.js';
import { ShortcutsHelp } from '../a11y/Shortcuts.js';
import { BoardExport } from '../summary/BoardExport.js';
import { NoteMarks } from '../summary/NoteMarks.js';
import { OpenActionItems } from '../summary/OpenActionItems.js';
import { RoomsPanel } from '../rooms/RoomsPanel.js';
import { SharePlazaFrame } from '../program/SharePlazaFrame.js';

/** `groupId` and `token` reach the group's action items for the goal recap's "Adjust" step. */
export function FacilitationSidebar({ groupId, token }: { groupId: GroupId; token: string }) {
  const { t } = useI18n();
  const { state, actor, editor } = useFacilitation();
  const facilitating =
    state !== null && can(actor, 'session.command', { session: state, command: { type: 'giveTurn' } });
  const column = useRef<HTMLElement>(null);
  const step = state?.position ? `${state.position.agendaIndex}/${state.position.stepIndex}` : null;
  // A new step starts at the top of the column: its step card and my cue, not wherever the last
  // step's controls had scrolled to (on a phone the column is short and the cue went out of view).
  useEffect(() => {
    column.current?.scrollTo({ top: 0 });
  }, [step]);
  return (
    <aside ref={column} className="vb-fac" aria-label={t('facilitation.region')}>
      <FacilitatorBar />
      <ErrorBanner />
      <StepCard />
      <EndedMeeting groupId={groupId} token={token} />
      <ParticipantControls />
      <TurnOrder canGive={facilitating} />
      <VoteStatus />
      <WhereWeWereStep groupId={groupId} token={token} />
      <StreamRecapStep groupId={groupId} token={token} />
      <OpenActionItems groupId={groupId} token={token} />
      <NextMeetingStep groupId={groupId} token={token} />
      <NoteMarks />
      <FacilitatorPanel />
      <RoomsPanel />
      <SharePlazaFrame groupId={groupId} token={token} />
      <BoardExport editor={editor} />
      <ShortcutsHelp />
    </aside>
  );
}

function ErrorBanner() {
  const { t } = useI18n();
  const { error, dismissError } = useFacilitation();
  if (error === null) return null;
  return (
    <div className="vb-fac-error" role="alert">
      <span>{t(error)}</span>
      <button type="button" className="vb-fac-mini" onClick={dismissError} aria-label={t('facilitation.error.dismiss')}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
