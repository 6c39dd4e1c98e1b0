// The storage contract for what the group keeps between meetings (BetweenStore.ts): every adapter
// runs it beside the main contract (contract.test-suite.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  DatePollId,
  GroupId,
  ParticipantId,
  PlannedMeetingId,
  PollSlotId,
  StreamPostId,
} from '@vermeboard/shared';
import type { PlannedMeetingRecord } from './BetweenStore.js';
import type { Storage } from './Storage.js';

export function betweenContract(name: string, open: () => Promise<{ storage: Storage; reopen(): Promise<Storage> }>) {
  describe(`storage contract, between meetings: ${name}`, () => {
    let storage: Storage;
    let reopen: () => Promise<Storage>;
    const groupId = 'group-000001' as GroupId;
    const otherGroup = 'group-000002' as GroupId;
    const pid = (n: number) => `participant${n}` as ParticipantId;
    const poll = (n: number) => `poll-000000${n}` as DatePollId;
    const slot = (p: number, n: number) => `slot-0000${p}${n}` as PollSlotId;
    const at = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
    const planned = (id: string, over: Partial<PlannedMeetingRecord> = {}): PlannedMeetingRecord => ({
      id: id as PlannedMeetingId,
      groupId,
      date: '2026-03-14',
      time: '18:00',
      minutes: 120,
      theme: null,
      place: null,
      fromPollId: null,
      createdAt: at(3),
      ...over,
    });
    const newPoll = (n: number, group = groupId) => ({
      id: poll(n),
      groupId: group,
      title: `Spring ${n}`,
      createdBy: pid(1),
      createdAt: at(n),
      slots: [
        { id: slot(n, 1), date: '2026-03-14', start: '18:00', minutes: 120 },
        { id: slot(n, 2), date: '2026-03-10', start: '17:30', minutes: 90 },
      ],
    });

    beforeEach(async () => {
      ({ storage, reopen } = await open());
      for (const [id, h] of [
        [groupId, 'a'],
        [otherGroup, 'b'],
      ] as const) {
        await storage.createGroup(
          { id, name: 'G', createdAt: at(1), linkGeneration: 0 },
          {
            facilitator: `${h}-f`,
            member: `${h}-m`,
            observer: `${h}-o`,
          },
        );
      }
      for (const n of [1, 2, 3]) {
        await storage.createParticipant(
          { id: pid(n), groupId, displayName: `P${n}`, role: n === 1 ? 'facilitator' : 'member', createdAt: at(1) },
          `hash-p${n}`,
        );
      }
    });
    afterEach(async () => {
      await storage.close();
    });

    it('keeps a poll with its slots in the order proposed, newest poll first, up to the open limit', async () => {
      expect(await storage.createDatePoll(newPoll(1), 2)).toBe('created');
      expect(await storage.createDatePoll(newPoll(2), 2)).toBe('created');
      expect(await storage.createDatePoll(newPoll(3), 2)).toBe('full');
      // Another group's polls do not count against this one's.
      expect(await storage.createDatePoll(newPoll(4, otherGroup), 2)).toBe('created');
      const polls = await storage.listDatePolls(groupId);
      expect(polls.map((p) => p.id)).toEqual([poll(2), poll(1)]);
      expect(polls[1]).toEqual({ ...newPoll(1), bookedSlotId: null });
      expect(await storage.getDatePoll(poll(4))).toMatchObject({ groupId: otherGroup });
      expect(await storage.getDatePoll('poll-unknown' as DatePollId)).toBeNull();
      await storage.deleteDatePoll(poll(2));
      expect((await storage.listDatePolls(groupId)).map((p) => p.id)).toEqual([poll(1)]);
    });

    it('keeps one answer per person and slot, replaced as a whole, and only for the poll’s own slots', async () => {
      await storage.createDatePoll(newPoll(1), 5);
      await storage.createDatePoll(newPoll(2), 5);
      expect(
        await storage.setPollAnswers(poll(1), pid(2), [
          { slotId: slot(1, 1), answer: 'yes' },
          { slotId: slot(1, 2), answer: 'no' },
          // A slot of another poll is ignored.
          { slotId: slot(2, 1), answer: 'yes' },
        ]),
      ).toBe(true);
      await storage.setPollAnswers(poll(1), pid(3), [{ slotId: slot(1, 1), answer: 'maybe' }]);
      expect(await storage.listPollAnswers(poll(2))).toEqual([]);
      // Changing one's mind: the slot left out loses its answer.
      await storage.setPollAnswers(poll(1), pid(2), [{ slotId: slot(1, 2), answer: 'yes' }]);
      const answers = await storage.listPollAnswers(poll(1));
      expect(answers).toEqual(
        expect.arrayContaining([
          { slotId: slot(1, 2), participantId: pid(2), answer: 'yes' },
          { slotId: slot(1, 1), participantId: pid(3), answer: 'maybe' },
        ]),
      );
      expect(answers).toHaveLength(2);
      // A removed member's answers no longer count.
      await storage.removeParticipant(pid(3), at(5));
      expect(await storage.listPollAnswers(poll(1))).toEqual([
        { slotId: slot(1, 2), participantId: pid(2), answer: 'yes' },
      ]);
    });

    it('books a slot once: the poll closes and the season plan gains the meeting, atomically', async () => {
      await storage.createDatePoll(newPoll(1), 5);
      await storage.setPollAnswers(poll(1), pid(2), [{ slotId: slot(1, 1), answer: 'yes' }]);
      // Not a slot of this poll: nothing happens.
      expect(await storage.bookPollSlot(poll(1), slot(2, 1), planned('plan-0001'))).toBe(false);
      expect(await storage.listPlannedMeetings(groupId)).toEqual([]);
      const booked = planned('plan-0001', { fromPollId: poll(1), date: '2026-03-10', time: '17:30', minutes: 90 });
      expect(await storage.bookPollSlot(poll(1), slot(1, 2), booked)).toBe(true);
      expect(await storage.bookPollSlot(poll(1), slot(1, 1), planned('plan-0002'))).toBe(false);
      expect((await storage.getDatePoll(poll(1)))?.bookedSlotId).toBe(slot(1, 2));
      expect(await storage.listPlannedMeetings(groupId)).toEqual([booked]);
      // A booked poll takes no more answers.
      expect(await storage.setPollAnswers(poll(1), pid(3), [{ slotId: slot(1, 1), answer: 'yes' }])).toBe(false);
      // A booked poll no longer counts as open.
      expect(await storage.createDatePoll(newPoll(2), 1)).toBe('created');
      // Deleting the poll keeps the meeting it booked.
      await storage.deleteDatePoll(poll(1));
      expect(await storage.getPlannedMeeting(booked.id)).toEqual({ ...booked, fromPollId: null });
    });

    it('keeps the season plan by date and time, up to a limit, editable and across a reopen', async () => {
      expect(await storage.addPlannedMeeting(planned('plan-0003', { date: '2026-05-02' }), 3)).toBe('added');
      expect(await storage.addPlannedMeeting(planned('plan-0001', { time: '19:00', theme: 'Funding' }), 3)).toBe(
        'added',
      );
      expect(await storage.addPlannedMeeting(planned('plan-0002', { time: '09:15', place: 'Room 4' }), 3)).toBe(
        'added',
      );
      expect(await storage.addPlannedMeeting(planned('plan-0004'), 3)).toBe('full');
      expect(await storage.addPlannedMeeting(planned('plan-0005', { groupId: otherGroup }), 3)).toBe('added');
      expect((await storage.listPlannedMeetings(groupId)).map((m) => m.id)).toEqual([
        'plan-0002',
        'plan-0001',
        'plan-0003',
      ]);
      await storage.updatePlannedMeeting('plan-0003' as PlannedMeetingId, {
        date: '2026-01-20',
        time: '17:00',
        minutes: 60,
        theme: 'Kick-off',
        place: null,
      });
      await storage.deletePlannedMeeting('plan-0002' as PlannedMeetingId);
      await storage.close();
      storage = await reopen();
      expect(await storage.listPlannedMeetings(groupId)).toEqual([
        planned('plan-0003', { date: '2026-01-20', time: '17:00', minutes: 60, theme: 'Kick-off' }),
        planned('plan-0001', { time: '19:00', theme: 'Funding' }),
      ]);
    });

    it('keeps the stream: posts and replies oldest first, pins, one thanks per person, within the limit', async () => {
      const post = (
        id: string,
        over: Partial<{
          parentId: StreamPostId | null;
          participantId: ParticipantId;
          createdAt: string;
          groupId: GroupId;
        }> = {},
      ) => ({
        id: id as StreamPostId,
        groupId,
        parentId: null,
        participantId: pid(2),
        text: `Text of ${id}`,
        createdAt: at(3),
        ...over,
      });
      expect(await storage.addStreamPost(post('post-0001'), 3)).toBe('added');
      expect(await storage.addStreamPost(post('post-0002', { createdAt: at(4), participantId: pid(3) }), 3)).toBe(
        'added',
      );
      const reply = post('post-0003', {
        parentId: 'post-0001' as StreamPostId,
        createdAt: at(5),
        participantId: pid(1),
      });
      expect(await storage.addStreamPost(reply, 3)).toBe('added');
      expect(await storage.addStreamPost(post('post-0004', { createdAt: at(6) }), 3)).toBe('full');
      // Replies go one level deep, and only to the group's own posts.
      expect(await storage.addStreamPost(post('post-0005', { parentId: 'post-0003' as StreamPostId }), 9)).toBe(
        'noParent',
      );
      expect(await storage.addStreamPost(post('post-0006', { parentId: 'post-unknown' as StreamPostId }), 9)).toBe(
        'noParent',
      );
      const listed = await storage.listStreamPosts(groupId);
      expect(listed.map((p) => [p.id, p.authorName, p.parentId])).toEqual([
        ['post-0001', 'P2', null],
        ['post-0002', 'P3', null],
        ['post-0003', 'P1', 'post-0001'],
      ]);
      expect((await storage.listStreamPosts(groupId, at(4))).map((p) => p.id)).toEqual(['post-0003']);
      await storage.pinStreamPost('post-0002' as StreamPostId, at(7));
      expect(await storage.getStreamPost('post-0002' as StreamPostId)).toMatchObject({
        pinnedAt: at(7),
        text: 'Text of post-0002',
      });
      await storage.setStreamThanks('post-0001' as StreamPostId, pid(3), true);
      await storage.setStreamThanks('post-0001' as StreamPostId, pid(3), true);
      await storage.setStreamThanks('post-0001' as StreamPostId, pid(1), true);
      await storage.setStreamThanks('post-0001' as StreamPostId, pid(1), false);
      expect(await storage.listStreamThanks(groupId)).toEqual([{ postId: 'post-0001', participantId: pid(3) }]);
      // Deleting a post takes its replies and thanks with it.
      await storage.deleteStreamPost('post-0001' as StreamPostId);
      expect((await storage.listStreamPosts(groupId)).map((p) => p.id)).toEqual(['post-0002']);
      expect(await storage.listStreamThanks(groupId)).toEqual([]);
    });

    it('deletes stream posts past the group’s retention, and only there', async () => {
      await storage.createParticipant(
        { id: pid(9), groupId: otherGroup, displayName: 'Other', role: 'member', createdAt: at(1) },
        'hash-p9',
      );
      const post = (id: string, group: GroupId, day: number, who: ParticipantId, parentId: string | null = null) =>
        storage.addStreamPost(
          {
            id: id as StreamPostId,
            groupId: group,
            parentId: parentId as StreamPostId | null,
            participantId: who,
            text: id,
            createdAt: at(day),
          },
          99,
        );
      await post('post-old1', groupId, 2, pid(2));
      // A reply newer than the limit goes with its expired post.
      await post('post-old2', groupId, 20, pid(3), 'post-old1');
      await post('post-new1', groupId, 20, pid(2));
      await post('post-kept', otherGroup, 2, pid(9));
      await storage.setRetention(groupId, 10);
      expect(await storage.purgeExpiredStreamPosts(new Date(Date.UTC(2026, 0, 25)))).toBeGreaterThanOrEqual(1);
      expect((await storage.listStreamPosts(groupId)).map((p) => p.id)).toEqual(['post-new1']);
      // The other group keeps everything (no retention).
      expect((await storage.listStreamPosts(otherGroup)).map((p) => p.id)).toEqual(['post-kept']);
    });

    it('keeps the time zone and a renewable calendar feed that finds its group', async () => {
      expect(await storage.getCalendarSettings(groupId)).toEqual({ timeZone: null, feedGeneration: 0 });
      expect(await storage.getCalendarSettings('group-unknown' as GroupId)).toBeNull();
      await storage.setTimeZone(groupId, 'Europe/Stockholm');
      await storage.registerCalendarFeed(groupId, 0, 'feed-0');
      // Registering again (every time the link is shown) is harmless.
      await storage.registerCalendarFeed(groupId, 0, 'feed-0');
      expect(await storage.findCalendarFeed('feed-0')).toBe(groupId);
      expect(await storage.rotateCalendarFeed(groupId, 0, 'feed-1')).toBe(true);
      // A renewal from a stale generation loses.
      expect(await storage.rotateCalendarFeed(groupId, 0, 'feed-x')).toBe(false);
      // A stale registration does not bring the old link back.
      await storage.registerCalendarFeed(groupId, 0, 'feed-0');
      expect(await storage.findCalendarFeed('feed-0')).toBeNull();
      expect(await storage.findCalendarFeed('feed-1')).toBe(groupId);
      expect(await storage.findCalendarFeed('feed-x')).toBeNull();
      expect(await storage.getCalendarSettings(groupId)).toEqual({ timeZone: 'Europe/Stockholm', feedGeneration: 1 });
    });
  });
}
