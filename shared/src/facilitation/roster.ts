// Who is on a meeting's list of participants, within its bounds. Members (and facilitators) and
// observers are counted apart, so a shared observer link joined many times never crowds out the
// people who speak, own cases and take the facilitation over. When a kind is full, people of that
// kind who left without ever having taken part are dropped to make room (see `hasTakenPart`).
import type { ParticipantId } from '../ids.js';
import { caseOwnerIds } from './caseOwner.js';
import { facilitationLimits } from './limits.js';
import type { Participant, SessionState } from './session.js';

const isObserver = (p: Pick<Participant, 'role'>) => p.role === 'observer';

/** How many of this kind the list may hold. */
export function rosterCap(p: Pick<Participant, 'role'>): number {
  return isObserver(p) ? facilitationLimits.observers : facilitationLimits.participants;
}

/**
 * Whether removing them would lose something: they spoke (talk time), hold or held a part in the
 * meeting (facilitator, case owner in the plenary or in a room), or are in the current round, the
 * raised hands or the done list.
 * Observers never take part in these, so an observer who left can always go.
 */
function hasTakenPart(state: SessionState, id: ParticipantId): boolean {
  return (
    (state.talkMs[id] ?? 0) > 0 ||
    state.facilitatorId === id ||
    caseOwnerIds(state).includes(id) ||
    state.turns.order.includes(id) ||
    state.hands.some((h) => h.participantId === id) ||
    state.done.includes(id)
  );
}

/**
 * The list with room for one more of `joining`'s kind, or null when the meeting is full of people
 * of that kind who are present or have taken part. Only people who are not present are dropped.
 */
export function makeRoomFor(state: SessionState, joining: Pick<Participant, 'role'>): Participant[] | null {
  const sameKind = (p: Participant) => isObserver(p) === isObserver(joining);
  const cap = rosterCap(joining);
  if (state.participants.filter(sameKind).length < cap) return state.participants;
  const kept = state.participants.filter((p) => !sameKind(p) || p.present || hasTakenPart(state, p.id));
  return kept.filter(sameKind).length < cap ? kept : null;
}
