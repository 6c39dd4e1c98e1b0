// The storage contract: every Storage adapter (SQLite today, PostgreSQL later) runs this suite.
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import * as Y from 'yjs';
import type {
  ActionItemId,
  MeetingSummary,
  CompetenceAreaId,
  GoalId,
  GroupId,
  MeetingId,
  ParticipantId,
  ProgressNoteId,
} from '@vermeboard/shared';
import { ballotBoxSchema } from '@vermeboard/shared';
import { debriefStorageContract } from './debriefContract.test-suite.js';
import { programContract } from './programContract.test-suite.js';
import { libraryContract } from './libraryContract.test-suite.js';
import { rehearsalContract } from './rehearsalContract.test-suite.js';
import { DocumentGoneError, type Storage } from './Storage.js';

export function storageContract(name: string, open: () => Promise<{ storage: Storage; reopen(): Promise<Storage> }>) {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    let reopen: () => Promise<Storage>;
    beforeEach(async () => {
      ({ storage, reopen } = await open());
    });
    afterEach(async () => {
      await storage.close();
    });

    const groupId = 'group-000001' as GroupId;
    const meetingId = 'meeting-0001' as MeetingId;
    const hashes = { facilitator: 'hash-f', member: 'hash-m', observer: 'hash-o' };

    it('starts a meeting only while none of the group is running', async () => {
      await storage.createGroup(
        { id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
        hashes,
      );
      const first = { id: meetingId, groupId, createdAt: '2026-01-02T00:00:00.000Z' };
      const second = { id: 'meeting-0002' as MeetingId, groupId, createdAt: '2026-01-03T00:00:00.000Z' };
      expect(await storage.startMeeting(first)).toBeNull();
      expect(await storage.startMeeting(second)).toBe(meetingId);
      expect((await storage.listMeetings(groupId)).map((m) => m.id)).toEqual([meetingId]);
      await storage.endMeeting(meetingId, '2026-01-02T02:00:00.000Z');
      expect(await storage.startMeeting(second)).toBeNull();
      expect((await storage.listMeetings(groupId)).map((m) => m.id)).toEqual([meetingId, second.id]);
    });

    it('stores groups, meetings and participants', async () => {
      await storage.createGroup(
        { id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
        hashes,
      );
      await storage.createMeeting({ id: meetingId, groupId, createdAt: '2026-01-02T00:00:00.000Z' });
      await storage.createMeeting({ id: 'meeting-0002' as MeetingId, groupId, createdAt: '2026-01-03T00:00:00.000Z' });
      const pid = 'participant1' as ParticipantId;
      await storage.createParticipant(
        { id: pid, groupId, displayName: 'Anna', role: 'member', createdAt: '2026-01-02T00:00:00.000Z' },
        'hash-p',
      );

      expect(await storage.getGroup(groupId)).toEqual({
        id: groupId,
        name: 'Mentors',
        createdAt: '2026-01-01T00:00:00.000Z',
        linkGeneration: 0,
      });
      expect(await storage.getGroup('nope-nope-nope' as GroupId)).toBeNull();
      expect((await storage.listMeetings(groupId)).map((m) => m.id)).toEqual([meetingId, 'meeting-0002']);
      expect(await storage.getMeeting(meetingId)).toMatchObject({ id: meetingId, groupId });
      expect(await storage.getParticipant(pid)).toMatchObject({ displayName: 'Anna', role: 'member', groupId });
      expect((await storage.listParticipants(groupId)).map((p) => p.id)).toEqual([pid]);
      expect(await storage.findToken('hash-m')).toEqual({ kind: 'link', groupId, role: 'member' });
      expect(await storage.findToken('hash-p')).toEqual({
        kind: 'participant',
        groupId,
        role: 'member',
        participantId: pid,
      });
      expect(await storage.findToken('unknown')).toBeNull();
    });

    it('keeps an update log and compacts it to the same content', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const map = doc.getMap('m');
      for (let i = 0; i < 20; i++) map.set(`k${i % 5}`, i);
      for (const u of updates) await storage.appendUpdates('meeting/x/board', [u]);
      await storage.appendUpdates('meeting/other/board', [Y.encodeStateAsUpdate(new Y.Doc())]);
      expect(await storage.countUpdates('meeting/x/board')).toBe(20);

      await storage.compact('meeting/x/board', (rows) => {
        const merged = new Y.Doc();
        for (const r of rows) Y.applyUpdate(merged, r);
        return Y.encodeStateAsUpdate(merged);
      });
      expect(await storage.countUpdates('meeting/x/board')).toBe(1);
      expect(await storage.countUpdates('meeting/other/board')).toBe(1);

      const restored = new Y.Doc();
      for (const u of await storage.loadUpdates('meeting/x/board')) Y.applyUpdate(restored, u);
      expect(restored.getMap('m').toJSON()).toEqual(map.toJSON());
    });

    it('survives reopening', async () => {
      await storage.createGroup(
        { id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
        hashes,
      );
      await storage.appendUpdates('meeting/x/board', [new Uint8Array([0, 0])]);
      await storage.close();
      storage = await reopen();
      expect(await storage.getGroup(groupId)).not.toBeNull();
      expect(await storage.loadUpdates('meeting/x/board')).toEqual([new Uint8Array([0, 0])]);
    });

    it('appends a batch of updates in order', async () => {
      await storage.appendUpdates('meeting/y/board', [new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])]);
      await storage.appendUpdates('meeting/y/board', []);
      expect(await storage.loadUpdates('meeting/y/board')).toEqual([
        new Uint8Array([1]),
        new Uint8Array([2]),
        new Uint8Array([3]),
      ]);
    });

    it('deletes a document log entirely', async () => {
      await storage.appendUpdates('meeting/x/board', [new Uint8Array([0, 0])]);
      await storage.deleteDoc('meeting/x/board');
      expect(await storage.loadUpdates('meeting/x/board')).toEqual([]);
    });

    it('stores assets', async () => {
      await storage.createGroup(
        { id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
        hashes,
      );
      await storage.createMeeting({ id: meetingId, groupId, createdAt: '2026-01-02T00:00:00.000Z' });
      const data = new Uint8Array([137, 80, 78, 71]);
      await storage.putAsset(
        {
          id: 'asset-000001',
          meetingId,
          mimeType: 'image/png',
          data,
          createdAt: '2026-01-02T00:00:00.000Z',
        },
        1 << 30,
      );
      const got = await storage.getAsset('asset-000001');
      expect(got?.mimeType).toBe('image/png');
      expect(Array.from(got!.data)).toEqual(Array.from(data));
      expect(await storage.getAsset('missing-0001')).toBeNull();
    });

    describe('group process', () => {
      const day = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
      const pid = (n: number) => `participant${n}` as ParticipantId;
      const area = (n: number) => `area-000${n}` as CompetenceAreaId;
      beforeEach(async () => {
        await storage.createGroup({ id: groupId, name: 'Mentors', createdAt: day(1), linkGeneration: 0 }, hashes, {
          locale: 'fi',
          groundRules: ['Rule one', 'Rule two'],
          competenceAreas: [
            { id: area(1), name: 'Planning' },
            { id: area(2), name: 'Funding' },
          ],
        });
        for (const n of [1, 2, 3, 4]) {
          await storage.createParticipant(
            { id: pid(n), groupId, displayName: `P${n}`, role: n === 1 ? 'facilitator' : 'member', createdAt: day(1) },
            `hash-p${n}`,
          );
        }
        await storage.createMeeting({ id: meetingId, groupId, createdAt: day(2), facilitatedBy: pid(1) });
      });

      it('rotates the link tokens in one step and keeps personal tokens', async () => {
        const removed = await storage.rotateLinks(groupId, 0, {
          facilitator: 'new-f',
          member: 'new-m',
          observer: 'new-o',
        });
        expect(removed?.sort()).toEqual(['hash-f', 'hash-m', 'hash-o']);
        expect((await storage.getGroup(groupId))?.linkGeneration).toBe(1);
        expect(await storage.findToken('hash-m')).toBeNull();
        expect(await storage.findToken('new-m')).toEqual({ kind: 'link', groupId, role: 'member' });
        expect(await storage.findToken('hash-p2')).toMatchObject({ kind: 'participant', participantId: pid(2) });
        // A second rotation from the stale generation loses: someone else rotated first.
        expect(
          await storage.rotateLinks(groupId, 0, { facilitator: 'x-f', member: 'x-m', observer: 'x-o' }),
        ).toBeNull();
        expect(await storage.findToken('new-f')).not.toBeNull();
      });

      it('removes a participant: token gone, name kept', async () => {
        expect(await storage.removeParticipant(pid(2), day(3))).toBe(true);
        expect(await storage.findToken('hash-p2')).toBeNull();
        expect(await storage.getParticipant(pid(2))).toMatchObject({ displayName: 'P2', removedAt: day(3) });
        expect(await storage.removeParticipant(pid(2), day(4))).toBe(false);
        expect(await storage.findToken('hash-p3')).not.toBeNull();
        expect((await storage.listParticipants(groupId)).find((p) => p.id === pid(3))?.removedAt).toBeNull();
      });

      it('records who facilitated a meeting and when it ended', async () => {
        expect(await storage.getMeeting(meetingId)).toMatchObject({
          facilitatedBy: pid(1),
          endedAt: null,
          boardDeletedAt: null,
        });
        expect(await storage.endMeeting(meetingId, day(5))).toBe(day(5));
        expect(await storage.endMeeting(meetingId, day(6))).toBe(day(5));
        expect(await storage.endMeeting('meeting-none' as MeetingId, day(6))).toBeNull();
      });

      it('keeps settings: locale, ground rules, next meeting, retention', async () => {
        expect(await storage.getGroupSettings(groupId)).toEqual({
          locale: 'fi',
          groundRules: ['Rule one', 'Rule two'],
          nextMeetingDate: null,
          nextMeetingTime: null,
          nextMeetingPlace: null,
          nextMeetingTheme: null,
          deleteBoardsAfterDays: null,
        });
        await storage.setGroundRules(groupId, ['Only this']);
        await storage.setNextMeeting(groupId, {
          date: '2026-03-14',
          time: '17:30',
          place: 'https://meet.example/verme',
          theme: 'Funding',
        });
        await storage.setRetention(groupId, 30);
        expect(await storage.getGroupSettings(groupId)).toMatchObject({
          groundRules: ['Only this'],
          nextMeetingDate: '2026-03-14',
          nextMeetingTime: '17:30',
          nextMeetingPlace: 'https://meet.example/verme',
          nextMeetingTheme: 'Funding',
          deleteBoardsAfterDays: 30,
        });
        expect(await storage.getGroupSettings('nope-nope-nope' as GroupId)).toBeNull();
      });

      it('keeps at most the given number of active goals, in order, and archives', async () => {
        const goal = (n: number) => ({ id: `goal-0000${n}` as GoalId, groupId, text: `Goal ${n}`, createdAt: day(2) });
        for (const n of [1, 2, 3]) expect(await storage.addGoal(goal(n), 3)).toMatchObject({ position: n - 1 });
        expect(await storage.addGoal(goal(4), 3)).toBe('full');
        await storage.setGoalText(goal(2).id, 'Goal two');
        expect(await storage.reorderGoals(groupId, [goal(3).id, goal(1).id])).toBe(false);
        expect(await storage.reorderGoals(groupId, [goal(3).id, goal(1).id, goal(2).id])).toBe(true);
        expect((await storage.listGoals(groupId)).map((g) => g.text)).toEqual(['Goal 3', 'Goal 1', 'Goal two']);
        await storage.archiveGoal(goal(3).id, day(3));
        expect((await storage.listGoals(groupId)).map((g) => [g.text, g.position])).toEqual([
          ['Goal 1', 0],
          ['Goal two', 1],
        ]);
        expect(await storage.addGoal(goal(4), 3)).toMatchObject({ position: 2 });
        const all = await storage.listGoals(groupId, true);
        expect(all.map((g) => g.id)).toEqual([goal(1).id, goal(2).id, goal(4).id, goal(3).id]);
        expect(all[3]!.archivedAt).toBe(day(3));
        expect(await storage.getGoal(goal(1).id)).toMatchObject({ groupId, text: 'Goal 1' });
      });

      it('lists progress notes per goal with their author', async () => {
        const goalId = 'goal-00001' as GoalId;
        await storage.addGoal({ id: goalId, groupId, text: 'G', createdAt: day(2) }, 3);
        await storage.addProgressNote({
          id: 'note-00001' as ProgressNoteId,
          goalId,
          meetingId,
          participantId: pid(2),
          text: 'moved',
          createdAt: day(2),
        });
        await storage.addProgressNote({
          id: 'note-00002' as ProgressNoteId,
          goalId,
          meetingId,
          participantId: pid(3),
          text: 'too',
          createdAt: day(3),
        });
        expect(await storage.listProgressNotes(goalId)).toEqual([
          {
            id: 'note-00001',
            goalId,
            meetingId,
            participantId: pid(2),
            authorName: 'P2',
            text: 'moved',
            createdAt: day(2),
          },
          {
            id: 'note-00002',
            goalId,
            meetingId,
            participantId: pid(3),
            authorName: 'P3',
            text: 'too',
            createdAt: day(3),
          },
        ]);
      });

      it('keeps action items: create, edit, tick off, reopen, list open', async () => {
        const id = 'action-0001' as ActionItemId;
        await storage.createActionItem({
          id,
          groupId,
          meetingId,
          text: 'Call the funder',
          ownerParticipantId: pid(2),
          dueDate: '2026-02-01',
          sourceShapeId: 'shape:abc',
          createdAt: day(2),
        });
        await storage.createActionItem({
          id: 'action-0002' as ActionItemId,
          groupId,
          meetingId,
          text: 'Other',
          ownerParticipantId: null,
          dueDate: null,
          sourceShapeId: null,
          createdAt: day(3),
        });
        expect(await storage.getActionItem(id)).toEqual({
          id,
          groupId,
          meetingId,
          text: 'Call the funder',
          ownerParticipantId: pid(2),
          ownerName: 'P2',
          dueDate: '2026-02-01',
          doneAt: null,
          sourceShapeId: 'shape:abc',
          createdAt: day(2),
        });
        await storage.updateActionItem(id, { doneAt: day(4), text: 'Called the funder' });
        expect(await storage.getActionItem(id)).toMatchObject({
          doneAt: day(4),
          text: 'Called the funder',
          ownerParticipantId: pid(2),
        });
        expect((await storage.listActionItems(groupId, true)).map((a) => a.id)).toEqual(['action-0002']);
        expect((await storage.listActionItems(groupId, false)).map((a) => a.id)).toEqual([id, 'action-0002']);
        await storage.updateActionItem(id, { doneAt: null, ownerParticipantId: null });
        expect(await storage.getActionItem(id)).toMatchObject({
          doneAt: null,
          ownerParticipantId: null,
          ownerName: null,
        });
        expect(await storage.listActionItems(groupId, true)).toHaveLength(2);
      });

      it('saves progress notes from board shapes once per shape, updating them when ended again', async () => {
        const goalId = 'goal-00001' as GoalId;
        const other = 'goal-00002' as GoalId;
        await storage.addGoal({ id: goalId, groupId, text: 'G', createdAt: day(2) }, 3);
        await storage.addGoal({ id: other, groupId, text: 'H', createdAt: day(2) }, 3);
        const note = {
          id: 'note-00001' as ProgressNoteId,
          goalId,
          meetingId,
          participantId: pid(2),
          text: 'moved',
          createdAt: day(2),
          sourceShapeId: 'shape:n1',
        };
        await storage.saveBoardProgressNotes([note]);
        await storage.saveBoardProgressNotes([
          { ...note, id: 'note-00009' as ProgressNoteId, goalId: other, text: 'moved more', createdAt: day(3) },
        ]);
        expect(await storage.listProgressNotes(goalId)).toEqual([]);
        expect(await storage.listProgressNotes(other)).toEqual([
          {
            id: 'note-00001',
            goalId: other,
            meetingId,
            participantId: pid(2),
            authorName: 'P2',
            text: 'moved more',
            createdAt: day(2),
          },
        ]);
      });

      it('creates action items from board shapes once per shape, leaving edited ones alone', async () => {
        const item = {
          id: 'action-0001' as ActionItemId,
          groupId,
          meetingId,
          text: 'Call the funder',
          ownerParticipantId: pid(2),
          dueDate: '2026-02-01',
          sourceShapeId: 'shape:a1',
          createdAt: day(2),
        };
        expect(await storage.createBoardActionItems([item])).toBe(1);
        await storage.updateActionItem(item.id, { doneAt: day(3) });
        const second = { ...item, id: 'action-0002' as ActionItemId, sourceShapeId: 'shape:a2', text: 'Two' };
        expect(
          await storage.createBoardActionItems([
            { ...item, id: 'action-0003' as ActionItemId, text: 'changed' },
            second,
          ]),
        ).toBe(1);
        const items = await storage.listActionItems(groupId, false);
        expect(items.map((a) => [a.id, a.text, a.doneAt])).toEqual([
          ['action-0001', 'Call the funder', day(3)],
          ['action-0002', 'Two', null],
        ]);
      });

      it('keeps one summary per meeting, replaced when written again', async () => {
        const summary: MeetingSummary = {
          version: 2,
          meetingId,
          groupName: 'Mentors',
          startedAt: day(2),
          endedAt: day(2),
          facilitator: { id: pid(1), name: 'P1' },
          attendees: [{ id: pid(1), name: 'P1', role: 'facilitator' }],
          agenda: [],
          goals: [],
          cases: [],
          reflections: [{ instanceId: 'reflection-1', what: ['fact'], soWhat: [], nowWhat: [] }],
          actionItems: [],
          votes: [],
        };
        expect(await storage.getMeetingSummary(meetingId)).toBeNull();
        await storage.putMeetingSummary(meetingId, summary, day(2));
        expect(await storage.getMeetingSummary(meetingId)).toEqual(summary);
        await storage.putMeetingSummary(meetingId, { ...summary, groupName: 'Renamed' }, day(3));
        await storage.close();
        storage = await reopen();
        expect(await storage.getMeetingSummary(meetingId)).toMatchObject({ groupName: 'Renamed' });
      });

      it('edits competence areas: rename, add, retire', async () => {
        expect(await storage.listCompetenceAreas(groupId)).toEqual([
          { id: area(1), name: 'Planning' },
          { id: area(2), name: 'Funding' },
        ]);
        await storage.setCompetenceAreas(groupId, [
          { id: area(3), name: 'Networks' },
          { id: area(1), name: 'Planning projects' },
        ]);
        expect(await storage.listCompetenceAreas(groupId)).toEqual([
          { id: area(3), name: 'Networks' },
          { id: area(1), name: 'Planning projects' },
        ]);
      });

      it('keeps one self-assessment per participant and phase and aggregates without individuals', async () => {
        const save = (n: number, phase: 'start' | 'end', r1: number, r2?: number) =>
          storage.saveAssessment(groupId, pid(n), {
            phase,
            ratings: [{ areaId: area(1), rating: r1 }, ...(r2 ? [{ areaId: area(2), rating: r2 }] : [])],
            updatedAt: day(n),
          });
        await save(2, 'start', 1, 2);
        await save(2, 'start', 2, 3); // replaces the first answer
        await save(3, 'start', 4);
        await save(4, 'start', 3, 5);
        await save(2, 'end', 5, 5);
        expect(await storage.listOwnAssessments(pid(2))).toEqual([
          {
            phase: 'start',
            ratings: [
              { areaId: area(1), rating: 2 },
              { areaId: area(2), rating: 3 },
            ],
            updatedAt: day(2),
          },
          {
            phase: 'end',
            ratings: [
              { areaId: area(1), rating: 5 },
              { areaId: area(2), rating: 5 },
            ],
            updatedAt: day(2),
          },
        ]);
        expect(await storage.listOwnAssessments(pid(1))).toEqual([]);
        const agg = await storage.assessmentAggregate(groupId);
        expect(agg.respondents).toEqual({ start: 3, end: 1 });
        expect(agg.areas).toContainEqual({ phase: 'start', areaId: area(1), sum: 9, count: 3 });
        expect(agg.areas).toContainEqual({ phase: 'start', areaId: area(2), sum: 8, count: 2 });
        // A retired area no longer counts.
        await storage.setCompetenceAreas(groupId, [{ id: area(2), name: 'Funding' }]);
        const after = await storage.assessmentAggregate(groupId);
        expect(after.respondents).toEqual({ start: 2, end: 1 });
        expect(after.areas.every((a) => a.areaId === area(2))).toBe(true);
      });

      it('purges the documents and assets of meetings ended longer ago than the retention', async () => {
        const kept = 'meeting-0002' as MeetingId;
        await storage.createMeeting({ id: kept, groupId, createdAt: day(2) });
        for (const doc of [
          `meeting/${meetingId}/board`,
          `meeting/${meetingId}/session`,
          `meeting/${meetingId}/private/${pid(2)}`,
          `meeting/${meetingId}/room/3/board`,
          `meeting/${kept}/board`,
        ]) {
          await storage.appendUpdates(doc, [new Uint8Array([1, 2, 3])]);
        }
        await storage.putAsset(
          {
            id: 'asset-000001',
            meetingId,
            mimeType: 'image/png',
            data: new Uint8Array([1]),
            createdAt: day(2),
          },
          1 << 30,
        );
        await storage.endMeeting(meetingId, day(3));
        await storage.endMeeting(kept, day(9));
        // Retention off: nothing happens.
        expect(await storage.purgeExpiredMeetings(new Date(day(30)))).toEqual([]);
        await storage.setRetention(groupId, 7);
        // Exactly seven days after the end is not yet more than seven days.
        expect(await storage.purgeExpiredMeetings(new Date(day(10)))).toEqual([]);
        expect(await storage.purgeExpiredMeetings(new Date(day(11)))).toEqual([meetingId]);
        expect(await storage.loadUpdates(`meeting/${meetingId}/board`)).toEqual([]);
        expect(await storage.loadUpdates(`meeting/${meetingId}/session`)).toEqual([]);
        expect(await storage.loadUpdates(`meeting/${meetingId}/private/${pid(2)}`)).toEqual([]);
        expect(await storage.loadUpdates(`meeting/${meetingId}/room/3/board`)).toEqual([]);
        expect(await storage.getAsset('asset-000001')).toBeNull();
        expect(await storage.loadUpdates(`meeting/${kept}/board`)).toHaveLength(1);
        expect((await storage.getMeeting(meetingId))?.boardDeletedAt).toBe(day(11));
        expect(await storage.purgeExpiredMeetings(new Date(day(12)))).toEqual([]);
        expect(await storage.purgeExpiredMeetings(new Date(day(17)))).toEqual([kept]);
      });

      it('freezes a released assessment phase once and keeps the group’s threshold', async () => {
        expect(await storage.assessmentThreshold(groupId)).toBe(3);
        await storage.setAssessmentThreshold(groupId, 5);
        expect(await storage.assessmentThreshold(groupId)).toBe(5);
        const release = {
          phase: 'start' as const,
          releasedAt: day(5),
          answered: 3,
          areas: [{ areaId: area(1), name: 'Planning', average: 2.5, count: 3 }],
        };
        expect(await storage.releaseAssessment(groupId, release)).toBe(true);
        expect(await storage.releaseAssessment(groupId, { ...release, answered: 4, releasedAt: day(6) })).toBe(false);
        expect(await storage.listAssessmentReleases(groupId)).toEqual([release]);
      });

      it('keeps a purged meeting a tombstone: no update and no image is stored after the purge', async () => {
        const docs = [`meeting/${meetingId}/board`, `meeting/${meetingId}/private/${pid(2)}`];
        // Written while the meeting lives, so that a store that remembers live documents has them.
        for (const doc of docs) await storage.appendUpdates(doc, [new Uint8Array([0, 0])]);
        await storage.endMeeting(meetingId, day(3));
        await storage.setRetention(groupId, 1);
        expect(await storage.purgeExpiredMeetings(new Date(day(10)))).toEqual([meetingId]);
        for (const doc of docs) {
          await expect(storage.appendUpdates(doc, [new Uint8Array([1, 2, 3])])).rejects.toThrow(DocumentGoneError);
          expect(await storage.loadUpdates(doc)).toEqual([]);
        }
        const asset = {
          id: 'asset-000002',
          meetingId,
          mimeType: 'image/png',
          data: new Uint8Array([1]),
          createdAt: day(10),
        };
        expect(await storage.putAsset(asset, 1 << 30)).toBe('gone');
        expect(await storage.getAsset('asset-000002')).toBeNull();
        expect(await storage.putAsset({ ...asset, meetingId: 'meeting-9999' as MeetingId }, 1 << 30)).toBe('gone');
      });

      it('keeps a meeting’s images within its quota, checked when storing', async () => {
        const asset = (n: number, bytes: number) => ({
          id: `asset-00000${n}`,
          meetingId,
          mimeType: 'image/png',
          data: new Uint8Array(bytes),
          createdAt: day(2),
        });
        expect(await storage.putAsset(asset(1, 60), 100)).toBe('stored');
        expect(await storage.putAsset(asset(2, 40), 100)).toBe('stored');
        expect(await storage.putAsset(asset(3, 1), 100)).toBe('full');
        expect(await storage.getAsset('asset-000003')).toBeNull();
      });
    });

    it('keeps dot-vote ballots per meeting, replaced as a whole, across a reopen', async () => {
      await storage.createGroup(
        { id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
        hashes,
      );
      await storage.createMeeting({ id: meetingId, groupId, createdAt: '2026-01-02T00:00:00.000Z' });
      const other = 'meeting-0002' as MeetingId;
      await storage.createMeeting({ id: other, groupId, createdAt: '2026-01-03T00:00:00.000Z' });
      expect(await storage.loadBallots(meetingId)).toEqual({});
      const box = ballotBoxSchema.parse({
        'vote-1': { participant1: ['shape:a', 'shape:a'], participant2: ['shape:b'] },
      });
      await storage.saveBallots(meetingId, box);
      const otherBox = ballotBoxSchema.parse({ 'vote-1': { participant1: ['shape:c'] } });
      await storage.saveBallots(other, otherBox);
      storage = await reopen();
      expect(await storage.loadBallots(meetingId)).toEqual(box);
      // A closed vote's ballots are discarded by saving the box without it; the other meeting keeps its own.
      const next = ballotBoxSchema.parse({ 'vote-2': { participant2: ['shape:d'] } });
      await storage.saveBallots(meetingId, next);
      expect(await storage.loadBallots(meetingId)).toEqual(next);
      expect(await storage.loadBallots(other)).toEqual(otherBox);
    });

    it('answers ping', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
    });

    debriefStorageContract(
      () => storage,
      async () => (storage = await reopen()),
    );
    programContract(() => ({
      storage,
      reopen: async () => (storage = await reopen()),
    }));
    libraryContract(() => ({
      storage,
      reopen: async () => (storage = await reopen()),
    }));
    rehearsalContract(() => ({
      storage,
      reopen: async () => (storage = await reopen()),
    }));
  });
}
