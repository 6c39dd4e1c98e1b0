// The SQLite side of programs (programStore.ts).
import type Database from 'better-sqlite3';
import type { GroupId, MeetingId, ParticipantId, ProgramId } from '@vermeboard/shared';
import type { ProgramGroupRecord, ProgramRecord, ProgramStore } from './programStore.js';
import type { NewMeeting } from './Storage.js';

/**
 * A group is in one program at most (the partial unique index), but several programs may ask it.
 * An encounter's invited groups and a program's shared summaries hang on the meeting.
 */
export const programsMigration = `
  CREATE TABLE IF NOT EXISTS programs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    plaza_group_id TEXT NOT NULL UNIQUE REFERENCES groups(id) ON DELETE CASCADE,
    coordinator_id TEXT NOT NULL REFERENCES participants(id)
  );
  CREATE TABLE IF NOT EXISTS program_groups (
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    requested_at TEXT NOT NULL,
    attached_at TEXT,
    PRIMARY KEY (program_id, group_id)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS program_groups_member ON program_groups(group_id) WHERE attached_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS program_groups_group ON program_groups(group_id);
  CREATE TABLE IF NOT EXISTS encounter_groups (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, group_id)
  );
  CREATE TABLE IF NOT EXISTS program_shared_summaries (
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    shared_at TEXT NOT NULL,
    PRIMARY KEY (program_id, meeting_id)
  );
`;

interface ProgramRow {
  id: string;
  name: string;
  created_at: string;
  plaza_group_id: string;
  coordinator_id: string;
}

interface ProgramGroupRow {
  program_id: string;
  group_id: string;
  requested_at: string;
  attached_at: string | null;
}

export const toProgram = (r: ProgramRow): ProgramRecord => ({
  id: r.id as ProgramId,
  name: r.name,
  createdAt: r.created_at,
  plazaGroupId: r.plaza_group_id as GroupId,
  coordinatorId: r.coordinator_id as ParticipantId,
});

export const toProgramGroup = (r: ProgramGroupRow): ProgramGroupRecord => ({
  programId: r.program_id as ProgramId,
  groupId: r.group_id as GroupId,
  requestedAt: r.requested_at,
  attachedAt: r.attached_at,
});

export function createSqliteProgramStore(db: Database.Database): ProgramStore {
  const q = {
    insert: db.prepare(
      'INSERT INTO programs (id, name, created_at, plaza_group_id, coordinator_id) VALUES (?, ?, ?, ?, ?)',
    ),
    get: db.prepare('SELECT * FROM programs WHERE id = ?'),
    byPlaza: db.prepare('SELECT * FROM programs WHERE plaza_group_id = ?'),
    isGroup: db.prepare('SELECT 1 FROM groups WHERE id = ? AND id NOT IN (SELECT plaza_group_id FROM programs)'),
    membership: db.prepare('SELECT program_id FROM program_groups WHERE group_id = ? AND attached_at IS NOT NULL'),
    row: db.prepare('SELECT * FROM program_groups WHERE program_id = ? AND group_id = ?'),
    countGroups: db.prepare('SELECT COUNT(*) AS n FROM program_groups WHERE program_id = ?'),
    insertGroup: db.prepare(
      'INSERT INTO program_groups (program_id, group_id, requested_at, attached_at) VALUES (?, ?, ?, ?)',
    ),
    attach: db.prepare(
      'UPDATE program_groups SET attached_at = ? WHERE program_id = ? AND group_id = ? AND attached_at IS NULL',
    ),
    dropOtherRequests: db.prepare(
      'DELETE FROM program_groups WHERE group_id = ? AND program_id <> ? AND attached_at IS NULL',
    ),
    decline: db.prepare('DELETE FROM program_groups WHERE program_id = ? AND group_id = ? AND attached_at IS NULL'),
    list: db.prepare('SELECT * FROM program_groups WHERE program_id = ? ORDER BY requested_at, rowid'),
    ofGroup: db.prepare(
      'SELECT * FROM program_groups WHERE group_id = ? ORDER BY attached_at IS NULL, requested_at, rowid',
    ),
    running: db.prepare('SELECT id FROM meetings WHERE group_id = ? AND ended_at IS NULL LIMIT 1'),
    insertMeeting: db.prepare('INSERT INTO meetings (id, group_id, created_at, facilitated_by) VALUES (?, ?, ?, ?)'),
    invite: db.prepare('INSERT OR IGNORE INTO encounter_groups (meeting_id, group_id) VALUES (?, ?)'),
    invited: db.prepare('SELECT group_id FROM encounter_groups WHERE meeting_id = ? ORDER BY rowid'),
    share: db.prepare(
      'INSERT OR IGNORE INTO program_shared_summaries (program_id, meeting_id, shared_at) VALUES (?, ?, ?)',
    ),
    unshare: db.prepare('DELETE FROM program_shared_summaries WHERE program_id = ? AND meeting_id = ?'),
    shared: db.prepare(
      'SELECT meeting_id FROM program_shared_summaries WHERE program_id = ? ORDER BY shared_at, rowid',
    ),
  };

  const addGroup = db.transaction((programId: ProgramId, groupId: GroupId, at: string) => {
    if (q.membership.get(groupId)) return false;
    q.decline.run(programId, groupId);
    q.insertGroup.run(programId, groupId, at, at);
    q.dropOtherRequests.run(groupId, programId);
    return true;
  });
  const request = db.transaction((programId: ProgramId, groupId: GroupId, at: string, maxGroups: number) => {
    if (!q.isGroup.get(groupId)) return 'unknown' as const;
    const member = q.membership.get(groupId) as { program_id: string } | undefined;
    if (member) return member.program_id === programId ? ('member' as const) : ('taken' as const);
    if (q.row.get(programId, groupId)) return 'requested' as const;
    if ((q.countGroups.get(programId) as { n: number }).n >= maxGroups) return 'full' as const;
    q.insertGroup.run(programId, groupId, at, null);
    return 'requested' as const;
  });
  const answer = db.transaction((programId: ProgramId, groupId: GroupId, accept: boolean, at: string) => {
    if (!accept) return q.decline.run(programId, groupId).changes > 0;
    if (q.membership.get(groupId)) return false;
    if (q.attach.run(at, programId, groupId).changes === 0) return false;
    q.dropOtherRequests.run(groupId, programId);
    return true;
  });
  const startEncounter = db.transaction((m: NewMeeting, groupIds: readonly GroupId[]) => {
    const running = q.running.get(m.groupId) as { id: MeetingId } | undefined;
    if (running) return running.id;
    q.insertMeeting.run(m.id, m.groupId, m.createdAt, m.facilitatedBy ?? null);
    for (const g of groupIds) q.invite.run(m.id, g);
    return null;
  });

  return {
    async createProgram(p) {
      q.insert.run(p.id, p.name, p.createdAt, p.plazaGroupId, p.coordinatorId);
    },
    async getProgram(id) {
      const row = q.get.get(id) as ProgramRow | undefined;
      return row ? toProgram(row) : null;
    },
    async programOfPlaza(groupId) {
      const row = q.byPlaza.get(groupId) as ProgramRow | undefined;
      return row ? toProgram(row) : null;
    },
    async addProgramGroup(programId, groupId, at) {
      return addGroup(programId, groupId, at);
    },
    async requestAttach(programId, groupId, at, maxGroups) {
      return request(programId, groupId, at, maxGroups);
    },
    async answerAttach(programId, groupId, accept, at) {
      return answer(programId, groupId, accept, at);
    },
    async listProgramGroups(programId) {
      return (q.list.all(programId) as ProgramGroupRow[]).map(toProgramGroup);
    },
    async programsOfGroup(groupId) {
      return (q.ofGroup.all(groupId) as ProgramGroupRow[]).map(toProgramGroup);
    },
    async startEncounter(meeting, groupIds) {
      return startEncounter(meeting, groupIds);
    },
    async encounterGroups(meetingId) {
      return (q.invited.all(meetingId) as { group_id: GroupId }[]).map((r) => r.group_id);
    },
    async shareSummary(programId, meetingId, at) {
      q.share.run(programId, meetingId, at);
    },
    async unshareSummary(programId, meetingId) {
      return q.unshare.run(programId, meetingId).changes > 0;
    },
    async listSharedSummaries(programId) {
      return (q.shared.all(programId) as { meeting_id: MeetingId }[]).map((r) => r.meeting_id);
    },
  };
}
