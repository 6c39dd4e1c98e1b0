import { describe, expect, it } from 'vitest';
import { parseDocName } from '../docNames.js';
import { createSession, type SessionState } from '../facilitation/session.js';
import { idleTimer } from '../facilitation/timer.js';
import type { ParticipantId } from '../ids.js';
import { can, docAccess, refusal } from './policy.js';
import type { Subject } from './subject.js';

const F = 'p-facilitator' as ParticipantId;
const A = 'p-anna-00001' as ParticipantId;
const B = 'p-ben-000001' as ParticipantId;
const fac: Subject = { role: 'facilitator', participantId: F };
const anna: Subject = { role: 'member', participantId: A };
const ben: Subject = { role: 'member', participantId: B };
const link: Subject = { role: 'facilitator', participantId: null };

/** A problem clinic under way with Anna as the case owner, facilitated by F. */
function inCase(): SessionState {
  return {
    ...createSession(),
    status: 'running',
    facilitatorId: F,
    agenda: [
      { methodId: 'problem-clinic', instanceId: 'problem-clinic-1' },
      { methodId: 'reflection', instanceId: 'reflection-1' },
    ],
    position: { agendaIndex: 0, stepIndex: 3 },
    caseOwners: { 'problem-clinic-1': A },
  };
}

describe('note.star', () => {
  it('in a case lets only the case owner star, not even the facilitator', () => {
    const session = inCase();
    expect(can(anna, 'note.star', { session })).toBe(true);
    expect(refusal(fac, 'note.star', { session })).toBe('only the case owner stars ideas in a case');
    expect(can(ben, 'note.star', { session })).toBe(false);
    expect(can(anna, 'note.star', { session: { ...session, caseOwners: {} } })).toBe(false);
  });

  it('outside a case lets anyone who writes star, as themselves', () => {
    const session = { ...inCase(), position: { agendaIndex: 1, stepIndex: 0 } };
    expect(can(ben, 'note.star', { session })).toBe(true);
    expect(can({ role: 'observer', participantId: B }, 'note.star', { session })).toBe(false);
    expect(can({ role: 'member', participantId: null }, 'note.star', { session })).toBe(false);
  });
});

const C = 'p-cara-00001' as ParticipantId;
const cara: Subject = { role: 'member', participantId: C };

/** The case worked on in two rooms: Anna and Ben in room 1, whose client is Ben; Cara alone in room 2, which chose nobody. */
function inRooms(plenaryOwner?: ParticipantId): SessionState {
  return {
    ...inCase(),
    caseOwners: plenaryOwner ? { 'problem-clinic-1': plenaryOwner } : {},
    breakout: {
      rooms: [
        { n: 1, name: '1', memberIds: [A, B] },
        { n: 2, name: '2', memberIds: [C] },
      ],
      timer: idleTimer(0),
      broadcast: null,
      round: 0,
    },
    roomCaseOwners: { 'problem-clinic-1': [{ room: 1, name: '1', participantId: B }] },
  };
}

describe('note.star in breakout rooms', () => {
  it('lets the room’s own case owner star in a room, and the plenary’s where a room chose none', () => {
    expect(can(ben, 'note.star', { session: inRooms() })).toBe(true);
    expect(can(anna, 'note.star', { session: inRooms() })).toBe(false);
    expect(can(cara, 'note.star', { session: inRooms() })).toBe(false);
    expect(can(anna, 'note.star', { session: inRooms(A) })).toBe(false);
    expect(can(cara, 'note.star', { session: inRooms(C) })).toBe(true);
  });

  it.each([
    ['the room’s case owner', ben, 1, true],
    ['the room’s other member', anna, 1, false],
    ['the room’s case owner, on another room’s board', ben, 2, false],
    ['a member of another room', cara, 1, false],
    // Visiting room 1 the facilitator is judged by its case owner, Ben; room 2 chose none.
    ['the visiting facilitator', fac, 1, false],
    ['an observer', { role: 'observer', participantId: A } as Subject, 1, false],
  ] as const)('on room %s’s board: %s stars: %s', (_who, subject, room, allowed) => {
    expect(can(subject, 'note.star', { session: inRooms(), room })).toBe(allowed);
  });

  it('lets the visiting facilitator star where they are the room’s case owner', () => {
    const session = inRooms();
    session.breakout!.rooms[1]!.memberIds.push(F);
    session.roomCaseOwners = { 'problem-clinic-1': [{ room: 2, name: '2', participantId: F }] };
    expect(can(fac, 'note.star', { session, room: 2 })).toBe(true);
    expect(refusal(cara, 'note.star', { session, room: 1 })).toBe('you are not in this room');
  });
});

describe('session.command marks on a room’s board', () => {
  const action = (room?: number) => ({
    type: 'markAction' as const,
    shapeId: 'shape:n',
    action: null,
    ...(room === undefined ? {} : { room }),
  });

  it.each([
    ['the facilitator', fac, 2, true],
    ['a member of the room', anna, 1, true],
    ['a member of another room', cara, 1, false],
    ['a member, on the plenary board', cara, undefined, true],
    ['an observer', { role: 'observer', participantId: A } as Subject, 1, false],
    ['a shared link', { role: 'member', participantId: null } as Subject, 1, false],
  ] as const)('%s marking an action on room %s: %s', (_who, subject, room, allowed) => {
    expect(can(subject, 'session.command', { session: inRooms(), command: action(room) })).toBe(allowed);
  });

  it('asks the room’s case owner for a star on its board', () => {
    const star = (room: number) => ({ type: 'starNote' as const, shapeId: 'shape:n', starred: true, room });
    expect(can(ben, 'session.command', { session: inRooms(), command: star(1) })).toBe(true);
    expect(refusal(anna, 'session.command', { session: inRooms(), command: star(1) })).toBe(
      'only the case owner stars ideas in a case',
    );
    expect(refusal(ben, 'session.command', { session: inRooms(), command: star(2) })).toBe('you are not in this room');
  });
});

describe('session.command chooseCaseOwner', () => {
  const choose = (room?: number) => ({
    type: 'chooseCaseOwner' as const,
    participantId: A,
    ...(room === undefined ? {} : { room }),
  });

  it.each([
    ['the facilitator', fac, undefined, true],
    ['the facilitator', fac, 2, true],
    ['a member', anna, undefined, false],
    ['a member of the room', anna, 1, true],
    ['a member of another room', cara, 1, false],
    ['an observer in the room', { role: 'observer', participantId: A } as Subject, 1, false],
    ['a shared link', { role: 'member', participantId: null } as Subject, 1, false],
  ] as const)('%s choosing for room %s: %s', (_who, subject, room, allowed) => {
    expect(can(subject, 'session.command', { session: inRooms(), command: choose(room) })).toBe(allowed);
  });

  it('says why a member may not choose', () => {
    expect(refusal(anna, 'session.command', { session: inRooms(), command: choose() })).toBe(
      'only the facilitator can do this',
    );
    expect(refusal(cara, 'session.command', { session: inRooms(), command: choose(1) })).toBe(
      "only the room's members choose its case owner",
    );
  });
});

describe('board.editProtected', () => {
  it('follows the meeting’s facilitator, and the token role while nobody facilitates', () => {
    const handedOver = { facilitatorId: A };
    expect(can(anna, 'board.editProtected', { session: handedOver })).toBe(true);
    expect(can(fac, 'board.editProtected', { session: handedOver })).toBe(false);
    expect(can(link, 'board.editProtected', { session: handedOver })).toBe(false);
    expect(can(link, 'board.editProtected', { session: { facilitatorId: null } })).toBe(true);
    expect(can(anna, 'board.editProtected', { session: { facilitatorId: null } })).toBe(false);
  });
});

describe('docAccess', () => {
  const board = parseDocName('meeting/abcdefgh12/board')!;
  const session = parseDocName('meeting/abcdefgh12/session')!;
  const annasNotes = parseDocName(`meeting/abcdefgh12/private/${A}`)!;

  it('grants board write to facilitators and members, read to observers', () => {
    expect(docAccess(link, board)).toBe('write');
    expect(docAccess({ role: 'member', participantId: null }, board)).toBe('write');
    expect(docAccess({ role: 'observer', participantId: null }, board)).toBe('read');
  });

  it('lets only the server write the session document', () => {
    expect(docAccess(fac, session)).toBe('read');
    expect(docAccess({ role: 'observer', participantId: null }, session)).toBe('read');
  });

  it('opens a private document only to its owner', () => {
    expect(docAccess(anna, annasNotes)).toBe('write');
    expect(docAccess(ben, annasNotes)).toBe('none');
    expect(docAccess(link, annasNotes)).toBe('none');
    expect(docAccess({ role: 'observer', participantId: A }, annasNotes)).toBe('none');
  });
});

describe('session.command', () => {
  it('needs a personal token, whatever the role', () => {
    const session = { ...createSession(), status: 'running' as const };
    expect(refusal(link, 'session.command', { session, command: { type: 'nextStep' } })).toMatch(/personal token/);
    expect(can(fac, 'session.command', { session, command: { type: 'nextStep' } })).toBe(true);
  });
});

describe('between meetings', () => {
  const observer: Subject = { role: 'observer', participantId: 'p-olli-00001' as ParticipantId };
  it('lets contributors propose times and answer as themselves, and only the facilitator book', () => {
    expect(can(anna, 'datePoll.create')).toBe(true);
    expect(can(observer, 'datePoll.create')).toBe(false);
    expect(can(anna, 'datePoll.answer')).toBe(true);
    expect(can({ role: 'member', participantId: null }, 'datePoll.answer')).toBe(false);
    expect(can(observer, 'datePoll.answer')).toBe(false);
    expect(can(fac, 'plan.edit')).toBe(true);
    expect(can(anna, 'plan.edit')).toBe(false);
    expect(can(anna, 'calendar.subscribe')).toBe(true);
    expect(can(observer, 'calendar.subscribe')).toBe(false);
    expect(can(link, 'calendar.rotate')).toBe(true);
    expect(can(anna, 'calendar.rotate')).toBe(false);
  });
});
