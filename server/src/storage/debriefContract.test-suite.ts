// The storage contract of the debrief's data (DebriefStore), run by every adapter through
// contract.test-suite.ts: the bounded append-only event log, coaches and coaching notes, and their
// purge with the meeting's documents.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GroupId, MeetingEvent, MeetingId } from '@vermeboard/shared';
import type { Storage } from './Storage.js';

export function debriefStorageContract(get: () => Storage, reopen: () => Promise<Storage>) {
  describe('debrief', () => {
    const groupId = 'group-debrief' as GroupId;
    const meetingId = 'meeting-debrief' as MeetingId;
    const other = 'meeting-other1' as MeetingId;
    const day = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
    const hashes = { facilitator: 'd-hash-f', member: 'd-hash-m', observer: 'd-hash-o' };
    const ev = (at: number): MeetingEvent => ({ type: 'handRaised', at, participantId: 'participant1' as never });
    beforeEach(async () => {
      const storage = get();
      await storage.createGroup({ id: groupId, name: 'Mentors', createdAt: day(1), linkGeneration: 0 }, hashes);
      await storage.createMeeting({ id: meetingId, groupId, createdAt: day(2) });
      await storage.createMeeting({ id: other, groupId, createdAt: day(2) });
    });

    it('appends events in order, per meeting, up to the bound, across a reopen', async () => {
      let storage = get();
      expect(await storage.listMeetingEvents(meetingId)).toEqual([]);
      expect(await storage.appendMeetingEvents(meetingId, [ev(3), ev(1)], 4)).toBe(2);
      expect(await storage.appendMeetingEvents(other, [ev(9)], 4)).toBe(1);
      expect(await storage.appendMeetingEvents(meetingId, [ev(2), ev(5), ev(6)], 4)).toBe(2);
      expect(await storage.appendMeetingEvents(meetingId, [ev(7)], 4)).toBe(0);
      expect(await storage.appendMeetingEvents('meeting-unknown' as MeetingId, [ev(1)], 4)).toBe(0);
      storage = await reopen();
      // Kept in the order appended, not sorted by time: the log is what the server saw.
      expect(await storage.listMeetingEvents(meetingId)).toEqual([ev(3), ev(1), ev(2), ev(5)]);
      expect(await storage.listMeetingEvents(other)).toEqual([ev(9)]);
    });

    it('keeps coaches by token until revoked, within the bound, and the shadowing setting', async () => {
      const storage = get();
      const coach = (n: number) => ({ id: `coach-0000${n}`, groupId, name: `Coach ${n}`, createdAt: day(n) });
      expect(await storage.createCoach(coach(1), 'coach-hash-1', 2)).toBe('created');
      expect(await storage.createCoach(coach(2), 'coach-hash-2', 2)).toBe('created');
      expect(await storage.createCoach(coach(3), 'coach-hash-3', 2)).toBe('full');
      expect(await storage.findCoachByToken('coach-hash-1')).toEqual(coach(1));
      expect(await storage.findCoachByToken('coach-hash-3')).toBeNull();
      // A coach token is not a group token.
      expect(await storage.findToken('coach-hash-1')).toBeNull();
      expect(await storage.revokeCoach(groupId, coach(1).id, day(5))).toBe(true);
      expect(await storage.revokeCoach(groupId, coach(1).id, day(5))).toBe(false);
      expect(await storage.revokeCoach('group-elsewhere' as GroupId, coach(2).id, day(5))).toBe(false);
      expect(await storage.findCoachByToken('coach-hash-1')).toBeNull();
      expect(await storage.listCoaches(groupId)).toEqual([coach(2)]);
      expect(await storage.createCoach(coach(3), 'coach-hash-3', 2)).toBe('created');

      expect(await storage.coachMayShadow(groupId)).toBe(false);
      await storage.setCoachMayShadow(groupId, true);
      expect(await storage.coachMayShadow(groupId)).toBe(true);
      expect(await storage.coachMayShadow('group-unknown' as GroupId)).toBe(false);
    });

    it('keeps coaching notes per meeting within the bound, with the coach’s name', async () => {
      const storage = get();
      await storage.createCoach({ id: 'coach-00001', groupId, name: 'Tuula', createdAt: day(1) }, 'coach-hash', 3);
      const note = (n: number, meeting = meetingId) => ({
        id: `note-000000${n}`,
        meetingId: meeting,
        coachId: 'coach-00001',
        at: 1_700_000_000_000 + n,
        text: `Note ${n}`,
        createdAt: day(3),
      });
      expect(await storage.addCoachingNote(note(1), 2)).toBe('stored');
      expect(await storage.addCoachingNote(note(2), 2)).toBe('stored');
      expect(await storage.addCoachingNote(note(3), 2)).toBe('full');
      expect(await storage.addCoachingNote(note(4, other), 2)).toBe('stored');
      expect(await storage.addCoachingNote(note(5, 'meeting-unknown' as MeetingId), 2)).toBe('gone');
      expect(await storage.listCoachingNotes(meetingId)).toEqual([
        { ...note(1), coachName: 'Tuula' },
        { ...note(2), coachName: 'Tuula' },
      ]);
    });

    it('purges the event log and coaching notes with the meeting’s documents, and takes none after', async () => {
      const storage = get();
      await storage.createCoach({ id: 'coach-00001', groupId, name: 'Tuula', createdAt: day(1) }, 'coach-hash', 3);
      const note = { id: 'note-0000001', coachId: 'coach-00001', at: 1, text: 'Hello', createdAt: day(3) };
      await storage.appendMeetingEvents(meetingId, [ev(1)], 10);
      await storage.appendMeetingEvents(other, [ev(2)], 10);
      await storage.addCoachingNote({ ...note, meetingId }, 10);
      await storage.addCoachingNote({ ...note, id: 'note-0000002', meetingId: other }, 10);
      await storage.endMeeting(meetingId, day(3));
      await storage.setRetention(groupId, 1);
      expect(await storage.purgeExpiredMeetings(new Date(day(10)))).toEqual([meetingId]);
      expect(await storage.listMeetingEvents(meetingId)).toEqual([]);
      expect(await storage.listCoachingNotes(meetingId)).toEqual([]);
      expect(await storage.appendMeetingEvents(meetingId, [ev(3)], 10)).toBe(0);
      expect(await storage.addCoachingNote({ ...note, id: 'note-0000003', meetingId }, 10)).toBe('gone');
      expect(await storage.listMeetingEvents(meetingId)).toEqual([]);
      // The meeting still running keeps its own.
      expect(await storage.listMeetingEvents(other)).toEqual([ev(2)]);
      expect(await storage.listCoachingNotes(other)).toHaveLength(1);
    });
  });
}
