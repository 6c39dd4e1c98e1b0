// The PostgreSQL side of programs (programStore.ts). Membership changes lock the group's row, so
// that two answers or requests at once (two instances) take turns; the partial unique index keeps
// a group in one program whatever happens.
import type { GroupId, MeetingId } from '@vermeboard/shared';
import type { Db } from './postgresDb.js';
import type { ProgramStore } from './programStore.js';
import { toProgram, toProgramGroup } from './sqlitePrograms.js';

export const programsPgMigration = `
  CREATE TABLE programs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    plaza_group_id TEXT NOT NULL UNIQUE REFERENCES groups(id) ON DELETE CASCADE,
    coordinator_id TEXT NOT NULL REFERENCES participants(id)
  );
  CREATE TABLE program_groups (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    requested_at TEXT NOT NULL,
    attached_at TEXT,
    PRIMARY KEY (program_id, group_id)
  );
  CREATE UNIQUE INDEX program_groups_member ON program_groups(group_id) WHERE attached_at IS NOT NULL;
  CREATE INDEX program_groups_group ON program_groups(group_id);
  CREATE TABLE encounter_groups (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, group_id)
  );
  CREATE TABLE program_shared_summaries (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    shared_at TEXT NOT NULL,
    PRIMARY KEY (program_id, meeting_id)
  );
`;

const programColumns = 'id, name, created_at, plaza_group_id, coordinator_id';
const groupColumns = 'program_id, group_id, requested_at, attached_at';

export function createPostgresProgramStore(db: Db): ProgramStore {
  const { pool } = db;
  return {
    async createProgram(p) {
      await pool.query(
        'INSERT INTO programs (id, name, created_at, plaza_group_id, coordinator_id) VALUES ($1, $2, $3, $4, $5)',
        [p.id, p.name, p.createdAt, p.plazaGroupId, p.coordinatorId],
      );
    },
    async getProgram(id) {
      const { rows } = await pool.query(`SELECT ${programColumns} FROM programs WHERE id = $1`, [id]);
      return rows[0] ? toProgram(rows[0]) : null;
    },
    async programOfPlaza(groupId) {
      const { rows } = await pool.query(`SELECT ${programColumns} FROM programs WHERE plaza_group_id = $1`, [groupId]);
      return rows[0] ? toProgram(rows[0]) : null;
    },
    async addProgramGroup(programId, groupId, at) {
      return db.transaction(async (c) => {
        await c.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [groupId]);
        const member = await c.query('SELECT 1 FROM program_groups WHERE group_id = $1 AND attached_at IS NOT NULL', [
          groupId,
        ]);
        if (member.rows.length > 0) return false;
        await c.query('DELETE FROM program_groups WHERE group_id = $1 AND attached_at IS NULL', [groupId]);
        await c.query(
          'INSERT INTO program_groups (program_id, group_id, requested_at, attached_at) VALUES ($1, $2, $3, $3)',
          [programId, groupId, at],
        );
        return true;
      });
    },
    async requestAttach(programId, groupId, at, maxGroups) {
      return db.transaction(async (c) => {
        const group = await c.query(
          'SELECT 1 FROM groups WHERE id = $1 AND id NOT IN (SELECT plaza_group_id FROM programs) FOR UPDATE',
          [groupId],
        );
        if (group.rows.length === 0) return 'unknown' as const;
        // The program's row too: two requests to one program must not both pass its bound.
        await c.query('SELECT 1 FROM programs WHERE id = $1 FOR UPDATE', [programId]);
        const member = await c.query<{ program_id: string }>(
          'SELECT program_id FROM program_groups WHERE group_id = $1 AND attached_at IS NOT NULL',
          [groupId],
        );
        if (member.rows[0]) return member.rows[0].program_id === programId ? ('member' as const) : ('taken' as const);
        const asked = await c.query('SELECT 1 FROM program_groups WHERE program_id = $1 AND group_id = $2', [
          programId,
          groupId,
        ]);
        if (asked.rows.length > 0) return 'requested' as const;
        const { rows } = await c.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM program_groups WHERE program_id = $1',
          [programId],
        );
        if (Number(rows[0]!.n) >= maxGroups) return 'full' as const;
        await c.query(
          'INSERT INTO program_groups (program_id, group_id, requested_at, attached_at) VALUES ($1, $2, $3, NULL)',
          [programId, groupId, at],
        );
        return 'requested' as const;
      });
    },
    async answerAttach(programId, groupId, accept, at) {
      return db.transaction(async (c) => {
        await c.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [groupId]);
        if (!accept) {
          const declined = await c.query(
            'DELETE FROM program_groups WHERE program_id = $1 AND group_id = $2 AND attached_at IS NULL',
            [programId, groupId],
          );
          return (declined.rowCount ?? 0) > 0;
        }
        const member = await c.query('SELECT 1 FROM program_groups WHERE group_id = $1 AND attached_at IS NOT NULL', [
          groupId,
        ]);
        if (member.rows.length > 0) return false;
        const attached = await c.query(
          'UPDATE program_groups SET attached_at = $3 WHERE program_id = $1 AND group_id = $2 AND attached_at IS NULL',
          [programId, groupId, at],
        );
        if ((attached.rowCount ?? 0) === 0) return false;
        await c.query('DELETE FROM program_groups WHERE group_id = $1 AND program_id <> $2 AND attached_at IS NULL', [
          groupId,
          programId,
        ]);
        return true;
      });
    },
    async listProgramGroups(programId) {
      const { rows } = await pool.query(
        `SELECT ${groupColumns} FROM program_groups WHERE program_id = $1 ORDER BY requested_at, seq`,
        [programId],
      );
      return rows.map(toProgramGroup);
    },
    async programsOfGroup(groupId) {
      const { rows } = await pool.query(
        `SELECT ${groupColumns} FROM program_groups WHERE group_id = $1
         ORDER BY attached_at IS NULL, requested_at, seq`,
        [groupId],
      );
      return rows.map(toProgramGroup);
    },
    async startEncounter(m, groupIds) {
      return db.transaction(async (c) => {
        await c.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [m.groupId]);
        const { rows } = await c.query<{ id: MeetingId }>(
          'SELECT id FROM meetings WHERE group_id = $1 AND ended_at IS NULL LIMIT 1',
          [m.groupId],
        );
        if (rows[0]) return rows[0].id;
        await c.query('INSERT INTO meetings (id, group_id, created_at, facilitated_by) VALUES ($1, $2, $3, $4)', [
          m.id,
          m.groupId,
          m.createdAt,
          m.facilitatedBy ?? null,
        ]);
        for (const g of groupIds) {
          await c.query('INSERT INTO encounter_groups (meeting_id, group_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
            m.id,
            g,
          ]);
        }
        return null;
      });
    },
    async encounterGroups(meetingId) {
      const { rows } = await pool.query<{ group_id: GroupId }>(
        'SELECT group_id FROM encounter_groups WHERE meeting_id = $1 ORDER BY seq',
        [meetingId],
      );
      return rows.map((r) => r.group_id);
    },
    async shareSummary(programId, meetingId, at) {
      await pool.query(
        `INSERT INTO program_shared_summaries (program_id, meeting_id, shared_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [programId, meetingId, at],
      );
    },
    async unshareSummary(programId, meetingId) {
      const r = await pool.query('DELETE FROM program_shared_summaries WHERE program_id = $1 AND meeting_id = $2', [
        programId,
        meetingId,
      ]);
      return (r.rowCount ?? 0) > 0;
    },
    async listSharedSummaries(programId) {
      const { rows } = await pool.query<{ meeting_id: MeetingId }>(
        'SELECT meeting_id FROM program_shared_summaries WHERE program_id = $1 ORDER BY shared_at, seq',
        [programId],
      );
      return rows.map((r) => r.meeting_id);
    },
  };
}
