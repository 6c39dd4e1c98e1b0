// The storage contract for recorded rehearsals (rehearsalStore.ts): run by contract.test-suite.ts for every adapter.
import { describe, expect, it } from 'vitest';
import type { GroupId, MeetingId } from '@vermeboard/shared';
import type { Storage } from './Storage.js';

export function rehearsalContract(current: () => { storage: Storage; reopen(): Promise<Storage> }) {
  describe('recorded rehearsals', () => {
    const at = (minute: number) => `2026-04-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

    async function group(storage: Storage, id: string) {
      await storage.createGroup(
        { id: id as GroupId, name: id, createdAt: at(0), linkGeneration: 0 },
        { facilitator: `${id}-f`, member: `${id}-m`, observer: `${id}-o` },
      );
      return id as GroupId;
    }

    it('lists the rehearsals not discarded yet, oldest first, across a reopen', async () => {
      const { storage, reopen } = current();
      const real = await group(storage, 'reh-real');
      const later = await group(storage, 'reh-later');
      const earlier = await group(storage, 'reh-earlier');
      const done = await group(storage, 'reh-done');
      const meeting = (g: GroupId) => `${g}-meeting` as MeetingId;
      await storage.recordRehearsal({ groupId: later, realGroupId: real, meetingId: meeting(later), startedAt: at(5) });
      await storage.recordRehearsal({
        groupId: earlier,
        realGroupId: real,
        meetingId: meeting(earlier),
        startedAt: at(2),
      });
      await storage.recordRehearsal({ groupId: done, realGroupId: real, meetingId: meeting(done), startedAt: at(1) });
      await storage.markRehearsalDiscarded(done, at(9));
      // Marking again changes nothing.
      await storage.markRehearsalDiscarded(done, at(10));
      const reopened = await reopen();
      const listed = (await reopened.listUndiscardedRehearsals()).filter((r) => r.realGroupId === real);
      expect(listed).toEqual([
        { groupId: earlier, realGroupId: real, meetingId: meeting(earlier), startedAt: at(2) },
        { groupId: later, realGroupId: real, meetingId: meeting(later), startedAt: at(5) },
      ]);
      // A rehearsal group is recorded once.
      await expect(
        reopened.recordRehearsal({ groupId: later, realGroupId: real, meetingId: meeting(later), startedAt: at(6) }),
      ).rejects.toThrow();
    });
  });
}
