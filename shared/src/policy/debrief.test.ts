import { describe, expect, it } from 'vitest';
import { parseDocName } from '../docNames.js';
import type { ParticipantId } from '../ids.js';
import { can, docAccess, refusal } from './policy.js';
import type { CoachSubject, DebriefFacts } from './debrief.js';
import type { Subject } from './subject.js';

const F = 'p-facilitator' as ParticipantId;
const F2 = 'p-took-over1' as ParticipantId;
const A = 'p-anna-00001' as ParticipantId;
const fac: Subject = { role: 'facilitator', participantId: F };
const otherFacilitator: Subject = { role: 'facilitator', participantId: 'p-someone-01' as ParticipantId };
const anna: Subject = { role: 'member', participantId: A };
const link: Subject = { role: 'facilitator', participantId: null };
const coach: CoachSubject = { role: 'coach', coachId: 'coach-00001' };
const ended: DebriefFacts = { facilitators: [F, F2], ended: true };

describe('debrief.read', () => {
  it('opens an ended meeting’s debrief to its facilitators and the coach only', () => {
    expect(can(fac, 'debrief.read', ended)).toBe(true);
    expect(can({ role: 'member', participantId: F2 }, 'debrief.read', ended)).toBe(true);
    expect(can(coach, 'debrief.read', ended)).toBe(true);
    expect(can(anna, 'debrief.read', ended)).toBe(false);
    expect(can(otherFacilitator, 'debrief.read', ended)).toBe(false);
    expect(can(link, 'debrief.read', ended)).toBe(false);
    expect(refusal(fac, 'debrief.read', { ...ended, ended: false })).toMatch(/ended/);
  });
});

describe('coaching notes', () => {
  it('are read by the coach and the meeting’s facilitator, and written by the coach', () => {
    expect(can(coach, 'coachingNote.read', ended)).toBe(true);
    expect(can(fac, 'coachingNote.read', ended)).toBe(true);
    expect(can(anna, 'coachingNote.read', ended)).toBe(false);
    expect(can({ role: 'observer', participantId: A }, 'coachingNote.read', ended)).toBe(false);
    expect(can(coach, 'coachingNote.write', ended)).toBe(true);
    expect(can(fac, 'coachingNote.write', ended)).toBe(false);
    expect(can(anna, 'coachingNote.write', ended)).toBe(false);
  });
});

describe('the coach and the group', () => {
  it('shadows only when the group allows it; only the facilitator manages coaches', () => {
    expect(can(coach, 'meeting.shadow', { coachMayShadow: false })).toBe(false);
    expect(can(coach, 'meeting.shadow', { coachMayShadow: true })).toBe(true);
    expect(can(anna, 'meeting.shadow', { coachMayShadow: true })).toBe(false);
    expect(can(fac, 'coaches.manage')).toBe(true);
    expect(can(anna, 'coaches.manage')).toBe(false);
    expect(can(coach, 'coaches.manage')).toBe(false);
  });

  it('gives a coach no document: the board, the session and private notes take only group subjects', () => {
    const board = parseDocName('meeting/abcdefgh12/board')!;
    // A coach is not a Subject; the type system keeps them out of the document rules entirely.
    // @ts-expect-error a coach is not a group subject
    expect(() => docAccess(coach, board)).not.toThrow();
    // @ts-expect-error a coach is not a group subject
    expect(docAccess(coach, board)).toBe('none');
  });
});
