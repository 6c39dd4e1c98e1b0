// The storage contract for mail between meetings and the summer break (NotifyStore.ts): every
// adapter runs it beside the main contract (contract.test-suite.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroupId, ParticipantId } from '@vermeboard/shared';
import type { NewOutboxMail } from './NotifyStore.js';
import type { Storage } from './Storage.js';

export function notifyContract(name: string, open: () => Promise<{ storage: Storage; reopen(): Promise<Storage> }>) {
  describe(`storage contract, mail and breaks: ${name}`, () => {
    let storage: Storage;
    let reopen: () => Promise<Storage>;
    const groupId = 'group-000001' as GroupId;
    const otherGroup = 'group-000002' as GroupId;
    const pid = (n: number) => `participant${n}` as ParticipantId;
    const at = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
    const mail = (n: number, participant: ParticipantId, key = `k${n}`): NewOutboxMail => ({
      id: `mail-${n}`,
      groupId,
      participantId: participant,
      key,
      subject: `Subject ${n}`,
      text: `Text ${n}`,
      attachment:
        n === 1 ? { filename: 'meeting.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' } : null,
      createdAt: at(n),
    });

    beforeEach(async () => {
      ({ storage, reopen } = await open());
      for (const [id, h] of [
        [groupId, 'a'],
        [otherGroup, 'b'],
      ] as const) {
        await storage.createGroup(
          { id, name: 'G', createdAt: at(1), linkGeneration: 0 },
          { facilitator: `${h}-f`, member: `${h}-m`, observer: `${h}-o` },
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

    it('keeps one address per participant, replaced, listed for the group only, and removable', async () => {
      expect(await storage.listGroupsWithMail()).toEqual([]);
      await storage.setMailAddress(groupId, pid(1), 'one@example.org', at(2));
      await storage.setMailAddress(groupId, pid(2), 'two@example.org', at(2));
      await storage.setMailAddress(groupId, pid(2), 'two.new@example.org', at(3));
      expect(await storage.getMailAddress(pid(2))).toBe('two.new@example.org');
      expect(await storage.getMailAddress(pid(3))).toBeNull();
      expect(await storage.listMailRecipients(groupId)).toEqual([
        { participantId: pid(1), address: 'one@example.org' },
        { participantId: pid(2), address: 'two.new@example.org' },
      ]);
      expect(await storage.listMailRecipients(otherGroup)).toEqual([]);
      expect(await storage.listGroupsWithMail()).toEqual([groupId]);
      // Removing only a given address leaves a newer one alone.
      expect(await storage.deleteMailAddress(pid(2), 'two@example.org')).toBe(false);
      expect(await storage.getMailAddress(pid(2))).toBe('two.new@example.org');
      expect(await storage.deleteMailAddress(pid(1))).toBe(true);
      expect(await storage.getMailAddress(pid(1))).toBeNull();
      expect(await storage.deleteMailAddress(pid(1))).toBe(false);
      expect((await storage.listMailRecipients(groupId)).map((r) => r.participantId)).toEqual([pid(2)]);
      expect(await storage.deleteMailAddress(pid(2), 'two.new@example.org')).toBe(true);
      expect(await storage.getMailAddress(pid(2))).toBeNull();
    });

    it('queues a mail once per person and key, and keeps that across a restart', async () => {
      await storage.setMailAddress(groupId, pid(1), 'one@example.org', at(2));
      expect(await storage.enqueueMail(mail(1, pid(1)))).toBe(true);
      expect(await storage.enqueueMail({ ...mail(2, pid(1)), key: 'k1' })).toBe(false);
      expect(await storage.enqueueMail(mail(3, pid(1)))).toBe(true);
      const pending = await storage.listPendingMail(3, 10);
      expect(pending).toEqual([
        { ...mail(1, pid(1)), address: 'one@example.org', attempts: 0 },
        { ...mail(3, pid(1)), address: 'one@example.org', attempts: 0 },
      ]);
      expect(await storage.listPendingMail(3, 1)).toHaveLength(1);
      await storage.markMailSent('mail-1', at(4));
      await storage.close();
      storage = await reopen();
      expect((await storage.listPendingMail(3, 10)).map((m) => m.id)).toEqual(['mail-3']);
      // Sent is sent: the key stays taken after the restart.
      expect(await storage.enqueueMail({ ...mail(4, pid(1)), key: 'k1' })).toBe(false);
    });

    it('counts failed attempts and stops offering a mail after the last one', async () => {
      await storage.setMailAddress(groupId, pid(1), 'one@example.org', at(2));
      await storage.enqueueMail(mail(1, pid(1)));
      await storage.markMailFailed('mail-1', at(3), 2);
      expect((await storage.listPendingMail(2, 10)).map((m) => m.attempts)).toEqual([1]);
      await storage.markMailFailed('mail-1', at(4), 2);
      expect(await storage.listPendingMail(2, 10)).toEqual([]);
      expect(await storage.listPendingMail(5, 10)).toEqual([]);
    });

    it('offers no mail to someone who removed their address or was removed, and forgets their address', async () => {
      await storage.setMailAddress(groupId, pid(1), 'one@example.org', at(2));
      await storage.setMailAddress(groupId, pid(2), 'two@example.org', at(2));
      await storage.setMailAddress(groupId, pid(3), 'three@example.org', at(2));
      await storage.enqueueMail(mail(1, pid(1)));
      await storage.enqueueMail(mail(2, pid(2)));
      await storage.enqueueMail(mail(3, pid(3)));
      await storage.deleteMailAddress(pid(1));
      await storage.removeParticipant(pid(2), at(3));
      expect((await storage.listPendingMail(3, 10)).map((m) => m.participantId)).toEqual([pid(3)]);
      expect(await storage.getMailAddress(pid(2))).toBeNull();
      // Giving an address again does not bring back the mail dropped with the old one.
      await storage.setMailAddress(groupId, pid(1), 'one@example.org', at(4));
      expect((await storage.listPendingMail(3, 10)).map((m) => m.participantId)).toEqual([pid(3)]);
    });

    it('keeps the group’s break until it is cleared', async () => {
      expect(await storage.getGroupBreak(groupId)).toBeNull();
      await storage.setGroupBreak(groupId, { from: '2026-06-15', to: '2026-08-10' });
      await storage.setGroupBreak(groupId, { from: '2026-06-20', to: '2026-08-10' });
      expect(await storage.getGroupBreak(groupId)).toEqual({ from: '2026-06-20', to: '2026-08-10' });
      expect(await storage.getGroupBreak(otherGroup)).toBeNull();
      await storage.setGroupBreak(groupId, null);
      expect(await storage.getGroupBreak(groupId)).toBeNull();
    });
  });
}
