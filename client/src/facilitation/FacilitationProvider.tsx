// Everything the facilitation UI reads, in one context: the session state (live from the server),
// who "I" am in it, the corrected clock, the command sender with its last error, the editor, and
// my own dot-vote ballots. The sidebar, the editor bindings and the canvas overlay all read it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useValue, type Editor } from 'tldraw';
import type { BoardSession } from '../board/boardSession.js';
import type {
  Actor,
  ClientCommand,
  GroupId,
  GroupLibraryResponse,
  MeetingId,
  MyBallotsResponse,
  ParticipantId,
  RecentReaction,
  Role,
  SessionState,
} from '@vermeboard/shared';
import { getMyBallots, getServerTime, postCommand } from '../api/facilitation.js';
import type { MessageKey } from '../i18n/messages.js';
import { createServerClock, type ServerClock } from './clock.js';
import { createCommandSender, type SendCommand } from './commandSender.js';
import { openSessionConnection, type SessionConnection } from './sessionConnection.js';
import { openVote } from './votes.js';
import { getGroupLibrary } from '../studio/studioApi.js';

export interface Facilitation {
  meetingId: MeetingId;
  state: SessionState | null;
  reactions: RecentReaction[];
  /** The server sent a session state this client cannot read (usually: reload for the new version). */
  unreadable: boolean;
  me: ParticipantId;
  actor: Actor;
  clock: ServerClock;
  send: SendCommand;
  error: MessageKey | null;
  dismissError(): void;
  editor: Editor | null;
  /** The open board, for what the server keeps beside the records (authors, marks). */
  board: BoardSession | null;
  ballots: MyBallotsResponse | null;
  refreshBallots(): void;
  /** The program's and the instance's library methods the facilitator may add (absent: none). */
  library?: GroupLibraryResponse['methods'];
  /** The libraries' agendas whose every method the facilitator can add. */
  libraryAgendas?: GroupLibraryResponse['agendas'];
}

const FacilitationContext = createContext<Facilitation | null>(null);

export function useFacilitation(): Facilitation {
  const value = useContext(FacilitationContext);
  if (!value) throw new Error('useFacilitation must be used inside <FacilitationProvider>');
  return value;
}

export interface FacilitationProviderProps {
  meetingId: MeetingId;
  token: string;
  participantId: ParticipantId;
  role: Role;
  editor: Editor | null;
  board?: BoardSession | null;
  /** The group, whose libraries a facilitator adds methods from. */
  groupId?: GroupId;
  children: ReactNode;
}

export function FacilitationProvider({
  meetingId,
  token,
  participantId,
  role,
  editor,
  board = null,
  groupId,
  children,
}: FacilitationProviderProps) {
  const [library, setLibrary] = useState<GroupLibraryResponse>({ methods: [], agendas: [] });
  useEffect(() => {
    if (groupId === undefined || role !== 'facilitator') return;
    let current = true;
    // Without the libraries the built-ins still work; a failure here only hides the others.
    getGroupLibrary(groupId, token).then(
      (answer) => current && setLibrary(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [groupId, role, token]);
  const [connection, setConnection] = useState<SessionConnection | null>(null);
  const clock = useMemo(() => createServerClock({ fetchServerTime: () => getServerTime() }), []);
  const [error, setError] = useState<MessageKey | null>(null);
  const [ballots, setBallots] = useState<MyBallotsResponse | null>(null);

  useEffect(() => {
    const opened = openSessionConnection({ meetingId, token });
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [meetingId, token]);

  const state = useValue('facilitation state', () => connection?.state.get() ?? null, [connection]);
  const reactions = useValue('facilitation reactions', () => connection?.reactions.get() ?? [], [connection]);
  const unreadable = useValue('facilitation unreadable', () => connection?.unreadable.get() ?? false, [connection]);
  const liveCount = useValue('facilitation live count', () => connection?.liveCount.get() ?? 0, [connection]);

  // Estimated on the first connection and again after every reconnect.
  useEffect(() => {
    if (liveCount > 0) void clock.resync();
  }, [clock, liveCount]);

  const refreshBallots = useCallback(() => {
    getMyBallots(meetingId, token).then(setBallots, (err: unknown) =>
      console.warn('[facilitation] could not load my ballots:', err),
    );
  }, [meetingId, token]);
  const voteId = state ? (openVote(state)?.id ?? null) : null;
  useEffect(() => {
    if (voteId !== null && role !== 'observer') refreshBallots();
  }, [voteId, role, refreshBallots]);

  const send = useMemo(
    () =>
      createCommandSender(
        (command: ClientCommand) => postCommand(meetingId, token, command),
        (key) => setError(key),
      ),
    [meetingId, token],
  );

  const value = useMemo<Facilitation>(
    () => ({
      meetingId,
      state,
      reactions,
      unreadable,
      me: participantId,
      actor: { participantId, role },
      clock,
      send,
      error,
      dismissError: () => setError(null),
      editor,
      board,
      ballots,
      refreshBallots,
      library: library.methods,
      libraryAgendas: library.agendas,
    }),
    [
      meetingId,
      state,
      reactions,
      unreadable,
      participantId,
      role,
      clock,
      send,
      error,
      editor,
      board,
      ballots,
      refreshBallots,
      library,
    ],
  );
  return <FacilitationContext.Provider value={value}>{children}</FacilitationContext.Provider>;
}
