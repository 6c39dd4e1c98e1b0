// Row shapes and conversions shared by the SQLite store's modules.
import type { GroupId, MeetingId, ParticipantId } from '@vermeboard/shared';
import type { MeetingRecord } from './Storage.js';

export interface MeetingRow {
  id: string;
  group_id: string;
  created_at: string;
  facilitated_by: string | null;
  ended_at: string | null;
  board_deleted_at: string | null;
}

export const toMeeting = (r: MeetingRow): MeetingRecord => ({
  id: r.id as MeetingId,
  groupId: r.group_id as GroupId,
  createdAt: r.created_at,
  facilitatedBy: r.facilitated_by as ParticipantId | null,
  endedAt: r.ended_at,
  boardDeletedAt: r.board_deleted_at,
});

export const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
export const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
