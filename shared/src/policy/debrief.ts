// Who may see a meeting's debrief and its coaching notes, and whether a coach may shadow. A coach is
// a trainer the group invited: not a member of the group, with a token of their own that opens the
// debriefs of the group's meetings and nothing else (not the board, notes or summaries). Coaching
// notes are between the coach and the facilitator of that meeting.
import type { ParticipantId } from '../ids.js';
import type { Subject } from './subject.js';

/** A coach as authentication found them: a valid, unrevoked coach token of the group. */
export interface CoachSubject {
  role: 'coach';
  coachId: string;
}

/** Whoever asks about a debrief: a person of the group (by their token) or a coach. */
export type DebriefViewer = Subject | CoachSubject;

export const isCoach = (viewer: DebriefViewer): viewer is CoachSubject => viewer.role === 'coach';

/** What the debrief rules need to know of a meeting. */
export interface DebriefFacts {
  /** Who facilitated the meeting: who started it and who held the facilitator's seat. */
  facilitators: readonly ParticipantId[];
  ended: boolean;
}

function facilitatorOf(viewer: DebriefViewer, meeting: DebriefFacts): boolean {
  return !isCoach(viewer) && viewer.participantId !== null && meeting.facilitators.includes(viewer.participantId);
}

export const debriefRules = {
  /** The debrief timeline: the meeting's facilitator and the group's coaches, once the meeting ended. */
  'debrief.read': (viewer: DebriefViewer, meeting: DebriefFacts) => {
    if (!meeting.ended) return 'the debrief opens when the meeting has ended';
    return isCoach(viewer) || facilitatorOf(viewer, meeting)
      ? null
      : 'only the facilitator of this meeting and the group’s coach see its debrief';
  },
  /** Coaching notes are private to the coach and the facilitator of that meeting. */
  'coachingNote.read': (viewer: DebriefViewer, meeting: DebriefFacts) =>
    isCoach(viewer) || facilitatorOf(viewer, meeting)
      ? null
      : 'coaching notes are only for the coach and the facilitator of this meeting',
  'coachingNote.write': (viewer: DebriefViewer, meeting: DebriefFacts) => {
    if (!isCoach(viewer)) return 'only a coach writes coaching notes';
    return meeting.ended ? null : 'coaching notes go on the debrief of an ended meeting';
  },
  /** Join a live meeting as a silent observer: only when the group turned shadowing on. */
  'meeting.shadow': (viewer: DebriefViewer, group: { coachMayShadow: boolean }) => {
    if (!isCoach(viewer)) return 'only a coach shadows a meeting';
    return group.coachMayShadow ? null : 'this group has not let its coach join meetings';
  },
  /** Invite and revoke coaches, and decide about shadowing: the group's confidentiality is the group's. */
  'coaches.manage': (viewer: DebriefViewer, _group: void) =>
    !isCoach(viewer) && viewer.role === 'facilitator' ? null : 'only the facilitator can invite or remove a coach',
} satisfies Record<string, (subject: never, resource: never) => string | null>;
