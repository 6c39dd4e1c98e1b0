// Who is asking: the subject every policy question is about, and what they are in one meeting.
//
// Facilitator identity: a token's role says what someone may be in the group; the session's
// `facilitatorId` says who facilitates *this* meeting. Once it is set it alone decides: after a
// hand-over the new facilitator has facilitator powers whatever their token says, and the previous
// one is a member of this meeting even with a facilitator token. While it is null (before any
// holder of the facilitator role has joined) the token's role applies. Observers never act.
import type { ParticipantId } from '../ids.js';
import type { Role } from '../roles.js';
import type { SessionState } from '../facilitation/session.js';

/** A caller as authentication found them (a valid, unrevoked token of the group). */
export interface Subject {
  /** The role their token grants in the group. */
  role: Role;
  /** Null for a shared link token: someone who has not joined and so has no identity. */
  participantId: ParticipantId | null;
}

/** A subject with a personal token: who commands and private documents hang on. */
export interface Actor extends Subject {
  participantId: ParticipantId;
}

/** The server itself, for presence and for acting on the meeting outside any participant. */
export const serverActor = 'server';
export type CommandActor = Subject | typeof serverActor;

/** What a meeting-scoped rule needs to know about the meeting; a plain `{ facilitatorId }` will do. */
export type MeetingFacts = Pick<SessionState, 'facilitatorId'>;

/** The role someone has in this meeting (see the top of this file). */
export function meetingRole(subject: Subject, meeting: MeetingFacts): Role {
  if (subject.role === 'observer') return 'observer';
  if (meeting.facilitatorId === null) return subject.role;
  return meeting.facilitatorId === subject.participantId ? 'facilitator' : 'member';
}
