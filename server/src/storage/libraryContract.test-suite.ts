// The storage contract for the method studio (libraryStore.ts): run by contract.test-suite.ts for every adapter.
import { describe, expect, it } from 'vitest';
import type { GroupId, ParticipantId, ProgramId, TrainerId } from '@vermeboard/shared';
import type { StoredMethodRow } from './libraryStore.js';
import type { Storage } from './Storage.js';

export function libraryContract(current: () => { storage: Storage; reopen(): Promise<Storage> }) {
  describe('method libraries', () => {
    const anna = 'trainer-anna' as TrainerId;
    const ben = 'trainer-ben' as TrainerId;
    const programId = 'program-lib1' as ProgramId;
    const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const row = (id: string, trainerId: TrainerId, patch: Partial<StoredMethodRow> = {}): StoredMethodRow => ({
      id,
      kind: 'method',
      trainerId,
      scope: 'own',
      programId: null,
      definition: JSON.stringify({ id }),
      updatedAt: at(1),
      ...patch,
    });

    async function seed(storage: Storage) {
      const plaza = 'plaza-lib001' as GroupId;
      const coordinator = 'coord-lib001' as ParticipantId;
      await storage.createGroup(
        { id: plaza, name: 'Plaza', createdAt: at(0), linkGeneration: 0 },
        { facilitator: 'lf', member: 'lm', observer: 'lo' },
      );
      await storage.createParticipant(
        { id: coordinator, groupId: plaza, displayName: 'C', role: 'facilitator', createdAt: at(0) },
        'lp',
      );
      await storage.createProgram({
        id: programId,
        name: 'P',
        createdAt: at(0),
        plazaGroupId: plaza,
        coordinatorId: coordinator,
      });
      await storage.createTrainer({ id: anna, programId: null, createdAt: at(0) }, 'hash-anna');
      await storage.createTrainer({ id: ben, programId, createdAt: at(0) }, 'hash-ben');
    }

    it('finds a trainer by the hash of their token only', async () => {
      const { storage } = current();
      await seed(storage);
      await expect(storage.trainerByTokenHash('hash-ben')).resolves.toEqual({ id: ben, programId, createdAt: at(0) });
      await expect(storage.trainerByTokenHash('hash-nobody')).resolves.toBeNull();
    });

    it('saves, replaces and lists a trainer’s methods, keeping the text as it was saved', async () => {
      const { storage, reopen } = current();
      await seed(storage);
      await expect(storage.saveLibraryMethod(row('first', anna), 10)).resolves.toBe('saved');
      await expect(storage.saveLibraryMethod(row('second', anna, { definition: '{not json' }), 10)).resolves.toBe(
        'saved',
      );
      await expect(
        storage.saveLibraryMethod(
          row('first', anna, { scope: 'instance', definition: '{"v":2}', updatedAt: at(5) }),
          10,
        ),
      ).resolves.toBe('saved');
      const reopened = await reopen();
      const listed = await reopened.listTrainerMethods(anna);
      expect(listed.map((m) => [m.id, m.scope, m.definition, m.updatedAt])).toEqual([
        ['first', 'instance', '{"v":2}', at(5)],
        ['second', 'own', '{not json', at(1)],
      ]);
      await expect(reopened.getLibraryMethod('second')).resolves.toMatchObject({ trainerId: anna });
      await expect(reopened.getLibraryMethod('nothing')).resolves.toBeNull();
    });

    it('refuses another trainer’s id and a trainer past their limit', async () => {
      const { storage } = current();
      await seed(storage);
      await storage.saveLibraryMethod(row('mine', anna), 2);
      await expect(storage.saveLibraryMethod(row('mine', ben), 2)).resolves.toBe('taken');
      await expect(storage.getLibraryMethod('mine')).resolves.toMatchObject({ trainerId: anna });
      await storage.saveLibraryMethod(row('mine-2', anna), 2);
      await expect(storage.saveLibraryMethod(row('mine-3', anna), 2)).resolves.toBe('full');
      // Replacing one of the two is still a save.
      await expect(storage.saveLibraryMethod(row('mine-2', anna, { definition: '{}' }), 2)).resolves.toBe('saved');
      await expect(storage.listTrainerMethods(anna)).resolves.toHaveLength(2);
    });

    it('shows facilitators the instance library and their own program’s, never a trainer’s own', async () => {
      const { storage } = current();
      await seed(storage);
      await storage.saveLibraryMethod(row('private', anna), 10);
      await storage.saveLibraryMethod(row('everyone', anna, { scope: 'instance' }), 10);
      await storage.saveLibraryMethod(row('program-only', ben, { scope: 'program', programId }), 10);
      const ids = async (p: ProgramId | null) => (await storage.listVisibleMethods(p, 10)).map((m) => m.id);
      await expect(ids(null)).resolves.toEqual(['everyone']);
      await expect(ids(programId)).resolves.toEqual(['everyone', 'program-only']);
      await expect(ids('program-other' as ProgramId)).resolves.toEqual(['everyone']);
      await expect(storage.listVisibleMethods(programId, 1)).resolves.toHaveLength(1);
    });

    it('keeps methods and agendas in one id space, each with its kind', async () => {
      const { storage, reopen } = current();
      await seed(storage);
      await storage.saveLibraryMethod(row('shared-id', anna), 10);
      await expect(storage.saveLibraryMethod(row('shared-id', anna, { kind: 'agenda' }), 10)).resolves.toBe('taken');
      await storage.saveLibraryMethod(row('an-agenda', anna, { kind: 'agenda', scope: 'instance' }), 10);
      const reopened = await reopen();
      expect((await reopened.listTrainerMethods(anna)).map((m) => [m.id, m.kind])).toEqual([
        ['shared-id', 'method'],
        ['an-agenda', 'agenda'],
      ]);
      await expect(reopened.listVisibleMethods(null, 10)).resolves.toMatchObject([{ id: 'an-agenda', kind: 'agenda' }]);
    });

    it('deletes only the trainer’s own method', async () => {
      const { storage } = current();
      await seed(storage);
      await storage.saveLibraryMethod(row('gone-soon', anna), 10);
      await expect(storage.deleteLibraryMethod(ben, 'gone-soon')).resolves.toBe(false);
      await expect(storage.deleteLibraryMethod(anna, 'gone-soon')).resolves.toBe(true);
      await expect(storage.getLibraryMethod('gone-soon')).resolves.toBeNull();
    });
  });
}
