// The SQLite side of mail between meetings and the summer break (NotifyStore.ts).
import type Database from 'better-sqlite3';
import type { GroupId, ParticipantId } from '@vermeboard/shared';
import type { NotifyStore } from './NotifyStore.js';
import {
  encodeAttachment,
  groupsWithMailSql,
  pendingSql,
  recipientsSql,
  toPending,
  type PendingRow,
} from './notifyRows.js';

export function createSqliteNotifyStore(db: Database.Database): NotifyStore {
  const q = {
    setAddress: db.prepare(
      `INSERT INTO mail_addresses (participant_id, group_id, address, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (participant_id) DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at`,
    ),
    getAddress: db.prepare('SELECT address FROM mail_addresses WHERE participant_id = ?'),
    deleteAddress: db.prepare('DELETE FROM mail_addresses WHERE participant_id = ?'),
    deleteAddressIf: db.prepare('DELETE FROM mail_addresses WHERE participant_id = ? AND address = ?'),
    deleteWaiting: db.prepare('DELETE FROM mail_outbox WHERE participant_id = ? AND sent_at IS NULL'),
    recipients: db.prepare(recipientsSql('?')),
    groups: db.prepare(groupsWithMailSql),
    enqueue: db.prepare(
      `INSERT INTO mail_outbox (id, group_id, participant_id, mail_key, subject, body, attachment, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id, mail_key) DO NOTHING`,
    ),
    pending: db.prepare(pendingSql('?', '?')),
    sent: db.prepare(
      "UPDATE mail_outbox SET sent_at = ?, last_attempt_at = ?, attempts = attempts + 1, subject = '', body = '', attachment = NULL WHERE id = ?",
    ),
    failed: db.prepare(
      `UPDATE mail_outbox SET attempts = attempts + 1, last_attempt_at = ?,
         given_up = CASE WHEN attempts + 1 >= ? THEN 1 ELSE 0 END,
         body = CASE WHEN attempts + 1 >= ? THEN '' ELSE body END,
         attachment = CASE WHEN attempts + 1 >= ? THEN NULL ELSE attachment END
       WHERE id = ? AND sent_at IS NULL`,
    ),
    getBreak: db.prepare('SELECT break_from, break_to FROM group_breaks WHERE group_id = ?'),
    setBreak: db.prepare(
      `INSERT INTO group_breaks (group_id, break_from, break_to) VALUES (?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET break_from = excluded.break_from, break_to = excluded.break_to`,
    ),
    clearBreak: db.prepare('DELETE FROM group_breaks WHERE group_id = ?'),
  };
  const deleteAddress = db.transaction((participantId: string, onlyIf: string | undefined): boolean => {
    const removed =
      onlyIf === undefined ? q.deleteAddress.run(participantId) : q.deleteAddressIf.run(participantId, onlyIf);
    if (removed.changes === 0) return false;
    q.deleteWaiting.run(participantId);
    return true;
  });

  return {
    async setMailAddress(groupId, participantId, address, at) {
      q.setAddress.run(participantId, groupId, address, at);
    },
    async getMailAddress(participantId) {
      return (q.getAddress.get(participantId) as { address: string } | undefined)?.address ?? null;
    },
    async deleteMailAddress(participantId, onlyIf) {
      return deleteAddress(participantId, onlyIf);
    },
    async listMailRecipients(groupId) {
      return (q.recipients.all(groupId) as { participant_id: string; address: string }[]).map((r) => ({
        participantId: r.participant_id as ParticipantId,
        address: r.address,
      }));
    },
    async listGroupsWithMail() {
      return (q.groups.all() as { group_id: string }[]).map((r) => r.group_id as GroupId);
    },
    async enqueueMail(m) {
      const r = q.enqueue.run(
        m.id,
        m.groupId,
        m.participantId,
        m.key,
        m.subject,
        m.text,
        encodeAttachment(m.attachment),
        m.createdAt,
      );
      return r.changes === 1;
    },
    async listPendingMail(maxAttempts, limit) {
      return (q.pending.all(maxAttempts, limit) as PendingRow[]).map(toPending);
    },
    async markMailSent(id, at) {
      q.sent.run(at, at, id);
    },
    async markMailFailed(id, at, maxAttempts) {
      q.failed.run(at, maxAttempts, maxAttempts, maxAttempts, id);
    },
    async getGroupBreak(groupId) {
      const row = q.getBreak.get(groupId) as { break_from: string; break_to: string } | undefined;
      return row ? { from: row.break_from, to: row.break_to } : null;
    },
    async setGroupBreak(groupId, value) {
      if (value) q.setBreak.run(groupId, value.from, value.to);
      else q.clearBreak.run(groupId);
    },
  };
}
