// The storage contract for programs (programStore.ts): run by contract.test-suite.ts for every adapter.
import { describe, expect, it } from 'vitest';
import type { GroupId, MeetingId, ParticipantId, ProgramId } from '@vermeboard/shared';
import type { Storage } from './Storage.js';

export function programContract(current: () => { storage: Storage; reopen(): Promise<Storage> }) {
  describe('programs', () => {
    const programId = 'program-0001' as ProgramId;
    const other = 'program-0002' as ProgramId;
    const plaza = 'plaza-000001' as GroupId;
    const plaza2 = 'plaza-000002' as GroupId;
    const coordinator = 'coordinator1' as ParticipantId;
    const coordinator2 = 'coordinator2' as ParticipantId;
    const groups = ['group-00000a', 'group-00000b', 'group-00000c'] as GroupId[];
    const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T10:00:00.000Z`;

    async function seed(storage: Storage) {
      let n = 0;
      const group = (id: GroupId) =>
        storage.createGroup(
          { id, name: `Group ${id}`, createdAt: at(1), linkGeneration: 0 },
          {
            facilitator: `f-${id}`,
            member: `m-${id}`,
            observer: `o-${id}`,
          },
        );
      for (const g of [plaza, plaza2, ...groups]) await group(g);
      for (const [pid, g] of [
        [coordinator, plaza],
        [coordinator2, plaza2],
      ] as const) {
        await storage.createParticipant(
          { id: pid, groupId: g, displayName: `Coordinator ${++n}`, role: 'facilitator', createdAt: at(1) },
          `p-${pid}`,
        );
      }
      await storage.createProgram({
        id: programId,
        name: 'Leaders',
        createdAt: at(1),
        plazaGroupId: plaza,
        coordinatorId: coordinator,
      });
      await storage.createProgram({
        id: other,
        name: 'Other',
        createdAt: at(1),
        plazaGroupId: plaza2,
        coordinatorId: coordinator2,
      });
    }

    it('stores a program and finds it by its plaza group', async () => {
      const { storage } = current();
      await seed(storage);
      const expected = {
        id: programId,
        name: 'Leaders',
        createdAt: at(1),
        plazaGroupId: plaza,
        coordinatorId: coordinator,
      };
      expect(await storage.getProgram(programId)).toEqual(expected);
      expect(await storage.programOfPlaza(plaza)).toEqual(expected);
      expect(await storage.programOfPlaza(groups[0]!)).toBeNull();
      expect(await storage.getProgram('program-none' as ProgramId)).toBeNull();
    });

    it('keeps a group in one program, asked by several, until it answers', async () => {
      const { storage, reopen } = current();
      await seed(storage);
      const [a, b, c] = groups as [GroupId, GroupId, GroupId];
      expect(await storage.addProgramGroup(programId, a, at(2))).toBe(true);
      expect(await storage.addProgramGroup(other, a, at(2))).toBe(false);
      expect(await storage.requestAttach(other, a, at(3), 50)).toBe('taken');
      expect(await storage.requestAttach(programId, a, at(3), 50)).toBe('member');
      expect(await storage.requestAttach(programId, plaza2, at(3), 50)).toBe('unknown');
      expect(await storage.requestAttach(programId, 'group-nothere' as GroupId, at(3), 50)).toBe('unknown');
      expect(await storage.requestAttach(programId, b, at(3), 50)).toBe('requested');
      expect(await storage.requestAttach(programId, b, at(4), 50)).toBe('requested');
      expect(await storage.requestAttach(other, b, at(4), 50)).toBe('requested');
      expect(await storage.requestAttach(other, c, at(4), 1)).toBe('full');

      const fresh = await reopen();
      expect(await fresh.listProgramGroups(programId)).toEqual([
        { programId, groupId: a, requestedAt: at(2), attachedAt: at(2) },
        { programId, groupId: b, requestedAt: at(3), attachedAt: null },
      ]);
      expect((await fresh.programsOfGroup(b)).map((r) => r.programId)).toEqual([programId, other]);
      // Accepting one program drops the other's request; answering twice finds nothing to answer.
      expect(await fresh.answerAttach(programId, b, true, at(5))).toBe(true);
      expect(await fresh.answerAttach(programId, b, true, at(5))).toBe(false);
      expect(await fresh.answerAttach(other, b, true, at(5))).toBe(false);
      expect(await fresh.programsOfGroup(b)).toEqual([
        { programId, groupId: b, requestedAt: at(3), attachedAt: at(5) },
      ]);
      expect(await fresh.requestAttach(other, c, at(6), 50)).toBe('requested');
      expect(await fresh.answerAttach(other, c, false, at(7))).toBe(true);
      expect(await fresh.answerAttach(other, c, false, at(7))).toBe(false);
      expect(await fresh.listProgramGroups(other)).toEqual([]);
    });

    it('starts one encounter at a time with the groups it invites', async () => {
      const { storage } = current();
      await seed(storage);
      const first = { id: 'encounter-01' as MeetingId, groupId: plaza, createdAt: at(2), facilitatedBy: coordinator };
      const second = { id: 'encounter-02' as MeetingId, groupId: plaza, createdAt: at(3), facilitatedBy: coordinator };
      expect(await storage.startEncounter(first, [groups[0]!, groups[1]!])).toBeNull();
      expect(await storage.startEncounter(second, [groups[2]!])).toBe(first.id);
      expect(await storage.encounterGroups(first.id)).toEqual([groups[0], groups[1]]);
      expect(await storage.encounterGroups(second.id)).toEqual([]);
      expect((await storage.getMeeting(first.id))?.facilitatedBy).toBe(coordinator);
      await storage.endMeeting(first.id, at(2));
      expect(await storage.startEncounter(second, [groups[2]!])).toBeNull();
      expect(await storage.encounterGroups(second.id)).toEqual([groups[2]]);
    });

    it('shares a summary with a program until it is taken back', async () => {
      const { storage } = current();
      await seed(storage);
      const [m1, m2] = ['meeting-a001', 'meeting-a002'] as MeetingId[];
      await storage.createMeeting({ id: m1!, groupId: groups[0]!, createdAt: at(2) });
      await storage.createMeeting({ id: m2!, groupId: groups[0]!, createdAt: at(3) });
      await storage.shareSummary(programId, m2!, at(4));
      await storage.shareSummary(programId, m1!, at(5));
      await storage.shareSummary(programId, m2!, at(6));
      expect(await storage.listSharedSummaries(programId)).toEqual([m2, m1]);
      expect(await storage.listSharedSummaries(other)).toEqual([]);
      expect(await storage.unshareSummary(programId, m2!)).toBe(true);
      expect(await storage.unshareSummary(programId, m2!)).toBe(false);
      expect(await storage.listSharedSummaries(programId)).toEqual([m1]);
    });
  });
}
