// Who the case owner is for one person now. The plenary has one case owner per agenda item
// (`caseOwners`); breakout rooms may each choose their own (Troika consulting and Wise crowds work
// in trios and small groups, each with its own client), kept in `roomCaseOwners`. A person in a
// room — or the facilitator visiting one — has that room's owner when it has one, else the
// plenary's. Every reader of the case owner (cues, stars, people list, bots) asks here.
import type { ParticipantId } from '../ids.js';
import { currentStep } from './agenda.js';
import type { MethodLibrary } from './methods/index.js';
import { roomOf, type Room } from './rooms.js';
import type { SessionState } from './session.js';

/** The room's own case owner for an agenda item, while they are still in the room; else null. */
export function roomCaseOwner(state: SessionState, instanceId: string, room: Room): ParticipantId | null {
  const entry = state.roomCaseOwners?.[instanceId]?.find((e) => e.room === room.n);
  return entry !== undefined && room.memberIds.includes(entry.participantId) ? entry.participantId : null;
}

/**
 * The room whose case applies to this person: their own room, or for someone placed in none
 * (the facilitator) the room they are visiting, by number.
 */
export function caseRoomOf(
  state: SessionState,
  participantId: ParticipantId | null,
  visiting?: number | null,
): Room | null {
  return roomOf(state.breakout, participantId) ?? state.breakout?.rooms.find((r) => r.n === visiting) ?? null;
}

export interface CaseOwnerOptions {
  methods?: MethodLibrary;
  /** The room the facilitator is visiting (the client's shown room); ignored for anyone placed in a room. */
  visiting?: number | null;
}

/** The case owner of the current agenda item for this person, or null when none is chosen (or no step runs). */
export function caseOwnerFor(
  state: SessionState,
  participantId: ParticipantId | null,
  opts: CaseOwnerOptions = {},
): ParticipantId | null {
  const instanceId = currentStep(state, opts.methods)?.item.instanceId;
  if (instanceId === undefined) return null;
  const room = caseRoomOf(state, participantId, opts.visiting);
  return (room && roomCaseOwner(state, instanceId, room)) ?? state.caseOwners[instanceId] ?? null;
}

/** Everyone who owns or owned a case in this meeting, in the plenary or in a room. */
export function caseOwnerIds(state: SessionState): ParticipantId[] {
  const inRooms = Object.values(state.roomCaseOwners ?? {}).flatMap((entries) => entries.map((e) => e.participantId));
  return [...new Set([...Object.values(state.caseOwners), ...inRooms])];
}
