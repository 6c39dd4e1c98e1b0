// The storage contract: every Storage adapter (SQLite today, PostgreSQL later) runs this suite.
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import * as Y from 'yjs';
import type { GroupId, MeetingId, ParticipantId } from '@vermeboard/shared';
import type { Storage } from './Storage.js';

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

    it('stores groups, meetings and participants', async () => {
      await storage.createGroup({ id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 }, hashes);
      await storage.createMeeting({ id: meetingId, groupId, createdAt: '2026-01-02T00:00:00.000Z' });
      await storage.createMeeting({ id: 'meeting-0002' as MeetingId, groupId, createdAt: '2026-01-03T00:00:00.000Z' });
      const pid = 'participant1' as ParticipantId;
      await storage.createParticipant({ id: pid, groupId, displayName: 'Anna', role: 'member', createdAt: '2026-01-02T00:00:00.000Z' }, 'hash-p');

      expect(await storage.getGroup(groupId)).toEqual({ id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 });
      expect(await storage.getGroup('nope-nope-nope' as GroupId)).toBeNull();
      expect((await storage.listMeetings(groupId)).map((m) => m.id)).toEqual([meetingId, 'meeting-0002']);
      expect(await storage.getMeeting(meetingId)).toMatchObject({ id: meetingId, groupId });
      expect(await storage.getParticipant(pid)).toMatchObject({ displayName: 'Anna', role: 'member', groupId });
      expect((await storage.listParticipants(groupId)).map((p) => p.id)).toEqual([pid]);
      expect(await storage.findToken('hash-m')).toEqual({ kind: 'link', groupId, role: 'member' });
      expect(await storage.findToken('hash-p')).toEqual({ kind: 'participant', groupId, role: 'member', participantId: pid });
      expect(await storage.findToken('unknown')).toBeNull();
    });

    it('keeps an update log and compacts it to the same content', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const map = doc.getMap('m');
      for (let i = 0; i < 20; i++) map.set(`k${i % 5}`, i);
      for (const u of updates) await storage.appendUpdate('meeting/x/board', u);
      await storage.appendUpdate('meeting/other/board', Y.encodeStateAsUpdate(new Y.Doc()));
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
      await storage.createGroup({ id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 }, hashes);
      await storage.appendUpdate('meeting/x/board', new Uint8Array([0, 0]));
      await storage.close();
      storage = await reopen();
      expect(await storage.getGroup(groupId)).not.toBeNull();
      expect(await storage.loadUpdates('meeting/x/board')).toEqual([new Uint8Array([0, 0])]);
    });

    it('deletes a document log entirely', async () => {
      await storage.appendUpdate('meeting/x/board', new Uint8Array([0, 0]));
      await storage.deleteDoc('meeting/x/board');
      expect(await storage.loadUpdates('meeting/x/board')).toEqual([]);
    });

    it('stores assets', async () => {
      await storage.createGroup({ id: groupId, name: 'Mentors', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 }, hashes);
      await storage.createMeeting({ id: meetingId, groupId, createdAt: '2026-01-02T00:00:00.000Z' });
      const data = new Uint8Array([137, 80, 78, 71]);
      await storage.putAsset({ id: 'asset-000001', meetingId, mimeType: 'image/png', data, createdAt: '2026-01-02T00:00:00.000Z' });
      const got = await storage.getAsset('asset-000001');
      expect(got?.mimeType).toBe('image/png');
      expect(Array.from(got!.data)).toEqual(Array.from(data));
      expect(await storage.getAsset('missing-0001')).toBeNull();
    });

    it('answers ping', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
    });
  });
}
