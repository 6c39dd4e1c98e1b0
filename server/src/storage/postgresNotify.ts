// The PostgreSQL side of mail between meetings and the summer break (NotifyStore.ts).
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
import type { Db } from './postgresDb.js';

export function createPostgresNotifyStore(db: Db): NotifyStore {
  const { pool } = db;
  return {
    async setMailAddress(groupId, participantId, address, at) {
      await pool.query(
        `INSERT INTO mail_addresses (participant_id, group_id, address, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (participant_id) DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at`,
        [participantId, groupId, address, at],
      );
    },
    async getMailAddress(participantId) {
      const r = await pool.query<{ address: string }>('SELECT address FROM mail_addresses WHERE participant_id = $1', [
        participantId,
      ]);
      return r.rows[0]?.address ?? null;
    },
    async deleteMailAddress(participantId, onlyIf) {
      return db.transaction(async (c) => {
        const removed = await c.query(
          'DELETE FROM mail_addresses WHERE participant_id = $1 AND ($2::text IS NULL OR address = $2)',
          [participantId, onlyIf ?? null],
        );
        if (removed.rowCount === 0) return false;
        await c.query('DELETE FROM mail_outbox WHERE participant_id = $1 AND sent_at IS NULL', [participantId]);
        return true;
      });
    },
    async listMailRecipients(groupId) {
      const r = await pool.query<{ participant_id: string; address: string }>(recipientsSql('$1'), [groupId]);
      return r.rows.map((row) => ({ participantId: row.participant_id as ParticipantId, address: row.address }));
    },
    async listGroupsWithMail() {
      const r = await pool.query<{ group_id: string }>(groupsWithMailSql);
      return r.rows.map((row) => row.group_id as GroupId);
    },
    async enqueueMail(m) {
      const r = await pool.query(
        `INSERT INTO mail_outbox (id, group_id, participant_id, mail_key, subject, body, attachment, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (participant_id, mail_key) DO NOTHING`,
        [m.id, m.groupId, m.participantId, m.key, m.subject, m.text, encodeAttachment(m.attachment), m.createdAt],
      );
      return r.rowCount === 1;
    },
    async listPendingMail(maxAttempts, limit) {
      const r = await pool.query<PendingRow>(pendingSql('$1', '$2'), [maxAttempts, limit]);
      return r.rows.map(toPending);
    },
    async markMailSent(id, at) {
      await pool.query(
        `UPDATE mail_outbox SET sent_at = $1, last_attempt_at = $1, attempts = attempts + 1,
           subject = '', body = '', attachment = NULL WHERE id = $2`,
        [at, id],
      );
    },
    async markMailFailed(id, at, maxAttempts) {
      await pool.query(
        `UPDATE mail_outbox SET attempts = attempts + 1, last_attempt_at = $1,
           given_up = CASE WHEN attempts + 1 >= $2 THEN 1 ELSE 0 END,
           body = CASE WHEN attempts + 1 >= $2 THEN '' ELSE body END,
           attachment = CASE WHEN attempts + 1 >= $2 THEN NULL ELSE attachment END
         WHERE id = $3 AND sent_at IS NULL`,
        [at, maxAttempts, id],
      );
    },
    async getGroupBreak(groupId) {
      const r = await pool.query<{ break_from: string; break_to: string }>(
        'SELECT break_from, break_to FROM group_breaks WHERE group_id = $1',
        [groupId],
      );
      const row = r.rows[0];
      return row ? { from: row.break_from, to: row.break_to } : null;
    },
    async setGroupBreak(groupId, value) {
      if (value) {
        await pool.query(
          `INSERT INTO group_breaks (group_id, break_from, break_to) VALUES ($1, $2, $3)
           ON CONFLICT (group_id) DO UPDATE SET break_from = excluded.break_from, break_to = excluded.break_to`,
          [groupId, value.from, value.to],
        );
      } else {
        await pool.query('DELETE FROM group_breaks WHERE group_id = $1', [groupId]);
      }
    },
  };
}
