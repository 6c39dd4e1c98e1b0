// The one authorization policy: `can(subject, action, resource)` answers who may do what, for the
// HTTP routes, the sync upgrade, the board-update checks and the session reducer alike, so that a
// role means the same on every surface (a hand-over included: see subject.ts). Authentication
// (which token is valid, which group it belongs to) happens before any question is asked here.
//
// Each rule returns null to allow, or the English reason a refusal tells the caller.
import type { DocName } from '../docNames.js';
import type { MethodLibrary } from '../facilitation/methods/index.js';
import type { SessionState } from '../facilitation/session.js';
import { roles, type Role } from '../roles.js';
import {
  commandRefusal,
  needsPersonalToken,
  roomEntryRefusal,
  starRefusal,
  type CommandResource,
  type RoomResource,
} from './commandRules.js';
import { programRules } from './programRules.js';
import { meetingRole, type CommandActor, type MeetingFacts, type Subject } from './subject.js';
import { debriefRules } from './debrief.js';

/** A meeting-scoped resource: the meeting's facts (from its session). */
export interface MeetingResource {
  session: MeetingFacts;
}

/** A note on the board of a meeting, judged by where the meeting is now. */
export interface NoteResource {
  session: SessionState;
  /** Defaults to the built-in library. */
  methods?: MethodLibrary;
  /** The breakout room whose board holds the note; absent for the plenary board. */
  room?: number;
}

type Rule<R> = (subject: Subject, resource: R) => string | null;

const everyone: readonly Role[] = ['facilitator', 'member', 'observer'];
const contributors: readonly Role[] = ['facilitator', 'member'];

/** A group-scoped rule: the token's role decides; `personal` actions are about who someone is. */
function byRole(allowed: readonly Role[], refusal: string, personal = false): Rule<void> {
  return (subject) => {
    if (!allowed.includes(subject.role)) return refusal;
    return personal && subject.participantId === null ? needsPersonalToken : null;
  };
}

const mayWriteBoard = byRole(contributors, 'observers can look at the board but not change it');

/** A participant's private document: only its owner, and observers have none. */
const ownPrivateDoc: Rule<DocName> = (subject, doc) =>
  doc.kind !== 'private' || (subject.participantId === doc.participantId && subject.role !== 'observer')
    ? null
    : 'a private document is only its owner’s';

const rules = {
  // ---- Group-scoped: no resource beyond the caller's own group ----
  'group.read': byRole(everyone, ''),
  /** The three invite links (and their tokens) on the group answer. */
  'group.viewLinks': byRole(['facilitator'], 'only the facilitator sees the invite links'),
  'meeting.create': byRole(['facilitator'], 'only the facilitator can start a meeting'),
  'members.manage': byRole(['facilitator'], 'only the facilitator can rotate links or remove participants'),
  'retention.set': byRole(['facilitator'], 'only the facilitator can change how long boards are kept'),
  'competenceAreas.edit': byRole(['facilitator'], 'only the facilitator can edit the competence areas'),
  /** Close a self-assessment phase (release its averages) or change how many answers one needs. */
  'assessment.release': byRole(
    ['facilitator'],
    'only the facilitator can close a self-assessment phase or change how many answers it needs',
  ),
  /** Goals, ground rules, the next meeting and action items belong to the whole group. */
  'groupProcess.edit': byRole(contributors, 'observers can read but not change the group'),
  'progressNote.add': byRole(contributors, 'observers can read but not add progress notes', true),
  'assessment.answer': byRole(contributors, 'observers do not take part in the self-assessment', true),
  /** Propose times for the next meeting(s) in a date poll. */
  'datePoll.create': byRole(contributors, 'observers cannot propose meeting times'),
  /** Mark one's own yes / if need be / no on a poll's times. */
  'datePoll.answer': byRole(contributors, 'observers do not answer date polls', true),
  /** Book a time, keep the season plan, set the group's time zone, remove a poll. */
  'plan.edit': byRole(['facilitator'], 'only the facilitator can book meetings and change the season plan'),
  /** See the calendar feed link (it reveals the plan to whoever holds it). */
  'calendar.subscribe': byRole(contributors, 'observers do not get the calendar feed'),
  'calendar.rotate': byRole(['facilitator'], 'only the facilitator can renew the calendar feed link'),
  /** Post a line or a reply in the between-meetings stream, or say thanks to one, as oneself. */
  'stream.post': byRole(contributors, 'observers can read the stream but not post in it', true),
  /** Keep one's own mail address for notifications (never anyone else's). */
  'mail.own': byRole(contributors, 'observers get no mail from the group', true),
  /** Mark the group's summer break (reminders and digests pause during it). */
  'break.edit': byRole(['facilitator'], 'only the facilitator can mark a break'),
  /** Pin a post to the top of the stream, or remove anyone's post. */
  'stream.moderate': byRole(['facilitator'], 'only the facilitator can pin or remove others’ posts'),
  /** The caller's own dots in a meeting's votes. */
  'ballots.readOwn': byRole(everyone, '', true),

  // ---- The board of a meeting ----
  /** May write the board document at all (and add images to it). */
  'board.write': mayWriteBoard,
  /** May insert, delete or change locked or reserved (layout) records: only the meeting's facilitator. */
  'board.editProtected': (subject: Subject, { session }: MeetingResource) =>
    meetingRole(subject, session) === 'facilitator'
      ? null
      : 'only the meeting’s facilitator can change locked or layout shapes',
  /** Star an idea: in a case (a method whose agenda item has a case owner) only the case owner. */
  'note.star': (subject: Subject, { session, methods, room }: NoteResource) =>
    (room === undefined ? null : roomEntryRefusal(subject, { session, room })) ??
    starRefusal(subject, session, methods, room),
  'note.markAction': byRole(contributors, 'observers cannot mark action items', true),

  // ---- Live documents (the sync upgrade) ----
  'document.read': ownPrivateDoc,
  'document.write': (subject: Subject, doc: DocName) => {
    switch (doc.kind) {
      case 'board':
        return mayWriteBoard(subject);
      case 'session':
        // Participants change the session only through commands.
        return 'only the server writes the session';
      case 'private':
        return ownPrivateDoc(subject, doc);
      case 'room':
        // Who may open the room at all is `room.enter`, asked with the session (see `docAccess`).
        return mayWriteBoard(subject);
    }
  },
  /** Open a breakout room's board (commandRules.ts). */
  'room.enter': roomEntryRefusal,

  // ---- Session commands (the reducer) ----
  'session.command': commandRefusal,

  // ---- Debrief, coaches and coaching notes (debrief.ts) ----
  ...debriefRules,
  // ---- Programs and encounters ----
  ...programRules,
} satisfies Record<string, (subject: never, resource: never) => string | null>;

export type Action = keyof typeof rules;
export type SubjectOf<A extends Action> = Parameters<(typeof rules)[A]>[0];
export type ResourceOf<A extends Action> = Parameters<(typeof rules)[A]>[1];
/** The resource argument: none for group-scoped actions. */
export type ResourceArg<A extends Action> = ResourceOf<A> extends void ? [] : [resource: ResourceOf<A>];

/** Why `subject` may not do `action` on `resource`, or null when they may. */
export function refusal<A extends Action>(
  subject: SubjectOf<A>,
  action: A,
  ...resource: ResourceArg<A>
): string | null {
  const rule = rules[action] as (s: SubjectOf<A>, r: ResourceOf<A> | undefined) => string | null;
  return rule(subject, resource[0]);
}

/** Whether `subject` may do `action` on `resource`. */
export function can<A extends Action>(subject: SubjectOf<A>, action: A, ...resource: ResourceArg<A>): boolean {
  return refusal(subject, action, ...resource) === null;
}

export type DocAccess = 'none' | 'read' | 'write';

/**
 * What the sync upgrade lets a connection do with a document, from `document.write` and
 * `document.read`; a breakout room's board also needs `room.enter`, asked of the meeting's session
 * (without one, nobody enters a room).
 */
export function docAccess(subject: Subject, doc: DocName, session?: RoomResource['session'] | null): DocAccess {
  // Only the group's own roles open documents: a coach (debrief.ts) never does, even if one got here.
  if (!roles.includes(subject.role)) return 'none';
  if (doc.kind === 'room' && (!session || !can(subject, 'room.enter', { session, room: doc.room }))) return 'none';
  if (can(subject, 'document.write', doc)) return 'write';
  return can(subject, 'document.read', doc) ? 'read' : 'none';
}

export type { CommandActor, CommandResource };
