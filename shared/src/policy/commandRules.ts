// Who may send which session command: the rule behind the policy's `session.command` action, which
// the reducer applies to every command and browsers ask before offering a control.
import type { CommandType, SessionCommand } from '../facilitation/commands.js';
import { caseOwnerFor } from '../facilitation/caseOwner.js';
import { currentSpeaker } from '../facilitation/roundRobin.js';
import { roomOf } from '../facilitation/rooms.js';
import type { SessionState } from '../facilitation/session.js';
import { currentStep } from '../facilitation/agenda.js';
import type { MethodLibrary } from '../facilitation/methods/index.js';
import { meetingRole, serverActor, type CommandActor, type Subject } from './subject.js';

export type CommandPermission =
  /** Presence: only the server knows when connections open and close. */
  | 'server'
  /** The meeting's facilitator (and the server). */
  | 'facilitator'
  /** Any facilitator or member, acting for themselves. */
  | 'participant'
  /** The current round-robin speaker ending their own turn, or the facilitator. */
  | 'speaker'
  /** A holder of the facilitator role taking over a meeting whose facilitator is absent. */
  | 'claim'
  /** Stars an idea: the policy's `note.star` (in a case only its owner). */
  | 'starrer'
  /** Chooses a case owner: the plenary's the facilitator; a breakout room's also a member of that room. */
  | 'caseChooser';

export const commandPermissions: Record<CommandType, CommandPermission> = {
  addAgendaItem: 'facilitator',
  removeAgendaItem: 'facilitator',
  moveAgendaItem: 'facilitator',
  applyPreset: 'facilitator',
  startMeeting: 'facilitator',
  nextStep: 'facilitator',
  previousStep: 'facilitator',
  gotoStep: 'facilitator',
  endMeeting: 'facilitator',
  startTimer: 'facilitator',
  pauseTimer: 'facilitator',
  resumeTimer: 'facilitator',
  adjustTimer: 'facilitator',
  setAutoStartTimers: 'facilitator',
  setStepDuration: 'facilitator',
  setTurnOrder: 'facilitator',
  nextTurn: 'speaker',
  passTurn: 'speaker',
  previousTurn: 'facilitator',
  giveTurn: 'facilitator',
  shareNotes: 'speaker',
  chooseCaseOwner: 'caseChooser',
  handOverFacilitation: 'facilitator',
  claimFacilitation: 'claim',
  bringEveryoneHere: 'facilitator',
  spotlightFrame: 'facilitator',
  clearFocus: 'facilitator',
  lockShapes: 'facilitator',
  unlockShapes: 'facilitator',
  raiseHand: 'participant',
  lowerHand: 'participant',
  react: 'participant',
  markDone: 'participant',
  markUndone: 'participant',
  startVote: 'facilitator',
  castVote: 'participant',
  withdrawVote: 'participant',
  closeVote: 'facilitator',
  revealNotes: 'facilitator',
  starNote: 'starrer',
  markAction: 'participant',
  openRooms: 'facilitator',
  moveToRoom: 'facilitator',
  broadcastToRooms: 'facilitator',
  adjustRoomTime: 'facilitator',
  rotateRooms: 'facilitator',
  closeRooms: 'facilitator',
  join: 'server',
  leave: 'server',
};

/** The resource of `session.command`: the meeting's state and the command, or just its type to ask whether to offer it. */
export interface CommandResource {
  session: SessionState;
  command: SessionCommand | { type: CommandType };
}

export const needsPersonalToken = 'this needs your personal token: join the group with the link first';

function facilitatorPresent(state: SessionState): boolean {
  return state.participants.some((p) => p.id === state.facilitatorId && p.present);
}

/** Null when `actor` may send the command now; otherwise why not. Payload checks are the reducer's. */
export function commandRefusal(actor: CommandActor, { session: state, command }: CommandResource): string | null {
  const permission = commandPermissions[command.type];
  if (actor === serverActor) {
    return permission === 'server' || permission === 'facilitator' || permission === 'caseChooser'
      ? null
      : 'needs a participant';
  }
  if (permission === 'server') return 'only the server reports presence';
  // Every rule below hangs on an identity (facilitatorId, turns, hands, ballots).
  if (actor.participantId === null) return needsPersonalToken;
  const role = meetingRole(actor, state);
  if (role === 'observer') return 'observers cannot change the session';
  const board = markedRoom(command);
  if (board !== undefined) {
    const outside = roomEntryRefusal(actor, { session: state, room: board });
    if (outside !== null) return outside;
  }
  switch (permission) {
    case 'facilitator':
      return role === 'facilitator' ? null : 'only the facilitator can do this';
    case 'participant':
      return loweringAnotherHand(command, actor.participantId) && role !== 'facilitator'
        ? "only the facilitator can lower someone else's hand"
        : null;
    case 'speaker':
      return role === 'facilitator' || currentSpeaker(state) === actor.participantId
        ? null
        : 'only the current speaker or the facilitator can do this';
    case 'starrer':
      return starRefusal(actor, state, undefined, board);
    case 'caseChooser':
      return role === 'facilitator' ? null : roomChoiceRefusal(command, state, actor.participantId);
    case 'claim':
      if (actor.role !== 'facilitator') return 'only a holder of the facilitator role can take over';
      if (state.facilitatorId === actor.participantId) return 'you are already the facilitator';
      return state.facilitatorId !== null && facilitatorPresent(state)
        ? 'the facilitator is present; ask them to hand over'
        : null;
  }
}

/**
 * Who may star an idea now: in a case (an agenda item whose method chooses a case owner) only that
 * item's case owner — in a breakout room with its own case owner, that one (caseOwner.ts);
 * elsewhere any facilitator or member with a personal token. `room` is the breakout room whose
 * board holds the note: the facilitator visiting it is judged by that room's case owner.
 */
export function starRefusal(
  subject: Subject,
  session: SessionState,
  methods?: MethodLibrary,
  room?: number,
): string | null {
  if (subject.role === 'observer') return 'observers can look at the board but not change it';
  if (subject.participantId === null) return needsPersonalToken;
  const here = currentStep(session, methods);
  if (here === null || !here.method.steps.some((s) => s.caseOwnerChosenHere)) return null;
  return caseOwnerFor(session, subject.participantId, { methods, visiting: room }) === subject.participantId
    ? null
    : 'only the case owner stars ideas in a case';
}

/** A breakout room of a meeting, judged by the session's room assignment. */
export interface RoomResource {
  session: Pick<SessionState, 'facilitatorId' | 'breakout'>;
  room: number;
}

/**
 * Who may open a breakout room's board, and so mark the notes on it: the people the session
 * assigns to it now, and the meeting's facilitator, who visits every room. Observers stay in the
 * plenary.
 */
export function roomEntryRefusal(subject: Subject, { session, room }: RoomResource): string | null {
  if (meetingRole(subject, session) === 'facilitator') return null;
  if (subject.role === 'observer') return 'observers stay in the plenary';
  return roomOf(session.breakout, subject.participantId)?.n === room ? null : 'you are not in this room';
}

/** The room whose board a mark command's note is on; undefined for the plenary board. */
function markedRoom(command: CommandResource['command']): number | undefined {
  if (command.type !== 'starNote' && command.type !== 'markAction') return undefined;
  return 'room' in command ? command.room : undefined;
}

/** For a member: a room's case owner is theirs to choose only in their own room; the plenary's never. */
function roomChoiceRefusal(command: CommandResource['command'], state: SessionState, self: string): string | null {
  const room = 'room' in command ? command.room : undefined;
  if (room === undefined) return 'only the facilitator can do this';
  return roomOf(state.breakout, self)?.n === room ? null : "only the room's members choose its case owner";
}

function loweringAnotherHand(command: CommandResource['command'], self: string): boolean {
  if (command.type !== 'lowerHand' || !('participantId' in command)) return false;
  return command.participantId !== undefined && command.participantId !== self;
}
