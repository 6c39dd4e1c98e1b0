import { describe, expect, it } from 'vitest';
import { parseDocName } from '../docNames.js';
import { createSession, type SessionState } from '../facilitation/session.js';
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
