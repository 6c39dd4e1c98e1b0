// Rows of the mail tables as both adapters read them, and their one parse into records.
import { z } from 'zod';
import type { GroupId, ParticipantId } from '@vermeboard/shared';
import type { MailAttachment, PendingMail } from './NotifyStore.js';

export interface PendingRow {
  id: string;
  group_id: string;
  participant_id: string;
  mail_key: string;
  subject: string;
  body: string;
  attachment: string | null;
  created_at: string;
  attempts: number;
  address: string;
}

const attachmentSchema = z.object({ filename: z.string(), contentType: z.string(), content: z.string() });

export const pendingSql = (maxParam: string, limitParam: string) => `
  SELECT o.id, o.group_id, o.participant_id, o.mail_key, o.subject, o.body, o.attachment, o.created_at,
         o.attempts, a.address
  FROM mail_outbox o JOIN mail_addresses a ON a.participant_id = o.participant_id
  JOIN participants p ON p.id = o.participant_id
  WHERE o.sent_at IS NULL AND o.given_up = 0 AND o.attempts < ${maxParam} AND p.removed_at IS NULL
  ORDER BY o.created_at, o.id
  LIMIT ${limitParam}`;

export const recipientsSql = (groupParam: string) => `
  SELECT a.participant_id, a.address FROM mail_addresses a JOIN participants p ON p.id = a.participant_id
  WHERE a.group_id = ${groupParam} AND p.removed_at IS NULL ORDER BY a.participant_id`;

/** What removing a participant deletes of their mail (run in the removal's transaction). */
export const forgetMailSql = (param: string) => [
  `DELETE FROM mail_addresses WHERE participant_id = ${param}`,
  `DELETE FROM mail_outbox WHERE participant_id = ${param} AND sent_at IS NULL`,
];

export const groupsWithMailSql = `
  SELECT DISTINCT a.group_id FROM mail_addresses a JOIN participants p ON p.id = a.participant_id
  WHERE p.removed_at IS NULL ORDER BY a.group_id`;

export function encodeAttachment(a: MailAttachment | null): string | null {
  return a ? JSON.stringify(a) : null;
}

/** A stored attachment that does not parse is dropped rather than stopping the queue. */
function parseAttachment(text: string | null): MailAttachment | null {
  if (text === null) return null;
  try {
    return attachmentSchema.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

export function toPending(row: PendingRow): PendingMail {
  return {
    id: row.id,
    groupId: row.group_id as GroupId,
    participantId: row.participant_id as ParticipantId,
    key: row.mail_key,
    subject: row.subject,
    text: row.body,
    attachment: parseAttachment(row.attachment),
    createdAt: row.created_at,
    attempts: Number(row.attempts),
    address: row.address,
  };
}
