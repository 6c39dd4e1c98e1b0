// The storage interface. The embedded default is SQLite (sqlite.ts); a PostgreSQL adapter for
// several server instances implements the same interface and passes the same contract suite
// (contract.ts). Methods are async so that a network-backed adapter fits without a rewrite.
import type { GroupId, MeetingId, ParticipantId, Role } from '@vermeboard/shared';

export interface GroupRecord {
  id: GroupId;
  name: string;
  createdAt: string;
  /** Bumped when the facilitator rotates the invite links; link tokens are derived from it. */
  linkGeneration: number;
}

export interface MeetingRecord {
  id: MeetingId;
  groupId: GroupId;
  createdAt: string;
}

export interface ParticipantRecord {
  id: ParticipantId;
  groupId: GroupId;
  displayName: string;
  role: Role;
  createdAt: string;
}

/** What a token hash resolves to: a role link of a group, or a participant's personal token. */
export type TokenRecord =
  | { kind: 'link'; groupId: GroupId; role: Role }
  | { kind: 'participant'; groupId: GroupId; role: Role; participantId: ParticipantId };

export interface AssetRecord {
  id: string;
  meetingId: MeetingId;
  mimeType: string;
  data: Uint8Array;
  createdAt: string;
}

export interface DocStore {
  /** Every stored update of a document, oldest first (empty when the document is new). */
  loadUpdates(docName: string): Promise<Uint8Array[]>;
  /** Append one update to the document's log; durable when the promise resolves. */
  appendUpdate(docName: string, update: Uint8Array): Promise<void>;
  /** Number of rows in the document's log (compaction decides by it). */
  countUpdates(docName: string): Promise<number>;
  /**
   * Atomically replace the rows the log holds now with `merge(rows)`: read, merge, insert the merged
   * update and delete the rows it covers, in one transaction. Rows appended concurrently survive.
   */
  compact(docName: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<void>;
  /** Remove a document's log entirely (rows and compacted state). */
  deleteDoc(docName: string): Promise<void>;
}

export interface GroupStore {
  createGroup(group: GroupRecord, linkTokenHashes: Record<Role, string>): Promise<void>;
  getGroup(id: GroupId): Promise<GroupRecord | null>;
  createMeeting(meeting: MeetingRecord): Promise<void>;
  getMeeting(id: MeetingId): Promise<MeetingRecord | null>;
  /** Meetings of a group, oldest first. */
  listMeetings(groupId: GroupId): Promise<MeetingRecord[]>;
  createParticipant(participant: ParticipantRecord, tokenHash: string): Promise<void>;
  getParticipant(id: ParticipantId): Promise<ParticipantRecord | null>;
  listParticipants(groupId: GroupId): Promise<ParticipantRecord[]>;
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  putAsset(asset: AssetRecord): Promise<void>;
  getAsset(id: string): Promise<AssetRecord | null>;
}

export interface Storage extends DocStore, GroupStore {
  /** Resolves when the store answers a trivial query (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
