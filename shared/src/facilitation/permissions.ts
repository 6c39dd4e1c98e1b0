// Who may send which command. The reducer enforces this; the client asks the same functions
// which controls to show, so a button never offers what the server would refuse.
//
// Facilitator identity: a token's role says what someone may be in the group; the session's
// `facilitatorId` says who facilitates *this* meeting. Once it is set it alone decides: after a
// hand-over the new facilitator has facilitator powers whatever their token says, and the previous
// one is a member of this meeting even with a facilitator token. While it is null (before any
// holder of the facilitator role has joined) the token's role applies. Observers never act.
import type { ParticipantId } from '../ids.js';
import type { Role } from '../roles.js';
import type { CommandType, SessionCommand } from './commands.js';
import type { SessionState } from './session.js';

/** A participant sending a command, as the server authenticated them. */
export interface Actor {
  participantId: ParticipantId;
  /** The role their token grants in the group. */
  role: Role;
}

/** The server itself, for presence and for acting on the meeting outside any participant. */
export const serverActor = 'server';
export type CommandActor = Actor | typeof serverActor;

export type Permission =
  /** Presence: only the server knows when connections open and close. */
  | 'server'
  /** The meeting's facilitator (and the server). */
  | 'facilitator'
  /** Any facilitator or member, acting for themselves. */
  | 'participant'
  /** The current round-robin speaker ending their own turn, or the facilitator. */
  | 'speaker'
  /** A holder of the facilitator role taking over a meeting whose facilitator is absent. */
  | 'claim';

export const commandPermissions: Record<CommandType, Permission> = {
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
  chooseCaseOwner: 'facilitator',
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
  join: 'server',
  leave: 'server',
};

/** The role someone has in this meeting (see the top of this file). */
export function meetingRole(state: SessionState, actor: Actor): Role {
  if (actor.role === 'observer') return 'observer';
  if (state.facilitatorId === null) return actor.role;
  return state.facilitatorId === actor.participantId ? 'facilitator' : 'member';
}

export function currentSpeaker(state: SessionState): ParticipantId | null {
  const { order, currentIndex } = state.turns;
  return currentIndex === null ? null : (order[currentIndex] ?? null);
}

function facilitatorPresent(state: SessionState): boolean {
  return state.participants.some((p) => p.id === state.facilitatorId && p.present);
}

/** Null when `actor` may send `type` now; otherwise why not. Payload checks are the reducer's. */
export function refusal(state: SessionState, actor: CommandActor, type: CommandType): string | null {
  const permission = commandPermissions[type];
  if (actor === serverActor) {
    return permission === 'server' || permission === 'facilitator' ? null : 'needs a participant';
  }
  if (permission === 'server') return 'only the server reports presence';
  const role = meetingRole(state, actor);
  if (role === 'observer') return 'observers cannot change the session';
  switch (permission) {
    case 'facilitator':
      return role === 'facilitator' ? null : 'only the facilitator can do this';
    case 'participant':
      return null;
    case 'speaker':
      return role === 'facilitator' || currentSpeaker(state) === actor.participantId
        ? null
        : 'only the current speaker or the facilitator can do this';
    case 'claim':
      if (actor.role !== 'facilitator') return 'only a holder of the facilitator role can take over';
      if (state.facilitatorId === actor.participantId) return 'you are already the facilitator';
      return state.facilitatorId !== null && facilitatorPresent(state)
        ? 'the facilitator is present; ask them to hand over'
        : null;
  }
}

/** Whether to offer a control for `type` to `actor` (the reducer may still refuse the payload). */
export function canSend(state: SessionState, actor: CommandActor, type: CommandType): boolean {
  return refusal(state, actor, type) === null;
}

/** Authorizes a whole command; the hand-lowering rule needs the payload. */
export function commandRefusal(state: SessionState, actor: CommandActor, command: SessionCommand): string | null {
  const denied = refusal(state, actor, command.type);
  if (denied !== null || actor === serverActor) return denied;
  if (
    command.type === 'lowerHand' &&
    command.participantId !== undefined &&
    command.participantId !== actor.participantId &&
    meetingRole(state, actor) !== 'facilitator'
  ) {
    return "only the facilitator can lower someone else's hand";
  }
  return null;
}
