// A meeting with facilitation: the board with the session's effects and overlays, and the
// facilitation column beside it, sharing one FacilitationProvider.
import { useCallback, useState } from 'react';
import type { Editor } from 'tldraw';
import type { GroupId, ParticipantId } from '@vermeboard/shared';
import { Board, type BoardProps } from '../board/Board.js';
import type { BoardSession } from '../board/boardSession.js';
import type { Person } from '../board/presence.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { CanvasOverlay } from './CanvasOverlay.js';
import { BoardClock } from './Countdown.js';
import { EditorBindings } from './EditorBindings.js';
import { FacilitationProvider, useFacilitation } from './FacilitationProvider.js';
import { FacilitationSidebar } from './FacilitationSidebar.js';
import { personStatus } from './personStatus.js';
import { BoardOutline } from '../outline/BoardOutline.js';
import { ReactionToasts } from './ReactionToasts.js';
import { AnnouncerProvider, MeetingAnnouncements } from '../a11y/Announcer.js';
import { FacilitatorShortcuts } from '../a11y/Shortcuts.js';
import { RoomCard } from '../rooms/RoomCard.js';
import { RoomViewProvider, useBoardDoc } from '../rooms/RoomView.js';
import './facilitation.css';

export interface FacilitatedMeetingProps {
  groupId: GroupId;
  board: Omit<BoardProps, 'onEditor' | 'onSession' | 'canvasOverlay' | 'personStatus' | 'privateNotes' | 'children'>;
}

export function FacilitatedMeeting({ groupId, board }: FacilitatedMeetingProps) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [session, setSession] = useState<BoardSession | null>(null);
  return (
    <FacilitationProvider
      board={session}
      meetingId={board.meetingId}
      token={board.token}
      participantId={board.user.id as ParticipantId}
      role={board.role}
      editor={editor}
      groupId={groupId}
    >
      <AnnouncerProvider>
        <RoomViewProvider>
          <MeetingAnnouncements />
          <FacilitatorShortcuts />
          <div className="vb-meeting">
            <div className="vb-meeting__board">
              <FacilitatedBoard groupId={groupId} board={board} onEditor={setEditor} onSession={setSession} />
              <BoardClock />
              <ReactionToasts />
              <BoardOutline />
              <RoomCard />
            </div>
            <FacilitationSidebar groupId={groupId} token={board.token} />
          </div>
        </RoomViewProvider>
      </AnnouncerProvider>
    </FacilitationProvider>
  );
}

function FacilitatedBoard({
  board,
  onEditor,
  onSession,
}: FacilitatedMeetingProps & { onEditor: (editor: Editor) => void; onSession: (s: BoardSession | null) => void }) {
  const { t } = useI18n();
  const { state } = useFacilitation();
  const status = useCallback((person: Person) => personStatus(state, person.id, t), [state, t]);
  const boardDoc = useBoardDoc(board.meetingId);
  return (
    <Board
      {...board}
      {...(boardDoc ? { boardDoc } : {})}
      privateNotes
      onEditor={onEditor}
      onSession={onSession}
      readOnly={state?.status === 'ended'}
      canvasOverlay={CanvasOverlay}
      personStatus={status}
    >
      <EditorBindings />
    </Board>
  );
}
