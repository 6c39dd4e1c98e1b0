// The store for more than one server instance: PostgreSQL through a pooled `pg` client. Same
// interface and contract suite as the embedded SQLite store (sqlite.ts); this module holds groups,
// meetings, participants, tokens and assets, and puts the other parts together.
import type { MeetingId, Role } from '@vermeboard/shared';
import { createDb, toBuffer, toBytes, type PoolOptions, type Queryable } from './postgresDb.js';
import { createPostgresBallotStore } from './postgresBallots.js';
import { createPostgresBetweenStore } from './postgresBetween.js';
import { createPostgresNotifyStore } from './postgresNotify.js';
import { createPostgresDebriefStore } from './postgresDebrief.js';
import { createPostgresDocStore } from './postgresDocs.js';
import { createPostgresProcessStore } from './postgresProcess.js';
import { createPostgresProgramStore } from './postgresPrograms.js';
import { createPostgresLibraryStore } from './postgresLibrary.js';
import { createPostgresRehearsalStore } from './rehearsalRows.js';
import { migrate } from './postgresSchema.js';
import { createPostgresSummaryStore } from './postgresSummaries.js';
import {
  toGroup,
  toMeeting,
  toParticipant,
  toToken,
  type GroupRow,
  type MeetingRow,
  type ParticipantRow,
  type TokenRow,
} from './rows.js';
import type { NewMeeting, Storage } from './Storage.js';

const insertMeeting = (q: Queryable, m: NewMeeting) =>
  q.query('INSERT INTO meetings (id, group_id, created_at, facilitated_by) VALUES ($1, $2, $3, $4)', [
    m.id,
    m.groupId,
    m.createdAt,
    m.facilitatedBy ?? null,
  ]);

const meetingColumns = 'id, group_id, created_at, facilitated_by, ended_at, board_deleted_at';
const participantColumns = 'id, group_id, display_name, role, created_at, removed_at';

/**
 * Opens the pool and brings the schema up to date. Rejects, naming the server but not the
 * password, when PostgreSQL cannot be reached or its schema is newer than this code.
 */
export async function openPostgresStorage(url: string, options: PoolOptions = {}): Promise<Storage> {
  const db = createDb(url, options);
  try {
    await migrate(db);
  } catch (err) {
    await db.pool.end();
    const { hostname, port, pathname } = new URL(url);
    throw new Error(
      `PostgreSQL at ${hostname}:${port || 5432}${pathname}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  const { pool } = db;

  return {
    ...createPostgresDocStore(db),
    ...createPostgresProcessStore(db),
    ...createPostgresBallotStore(db),
    ...createPostgresSummaryStore(db),
    ...createPostgresBetweenStore(db),
    ...createPostgresNotifyStore(db),
    ...createPostgresDebriefStore(db),
    ...createPostgresProgramStore(db),
    ...createPostgresLibraryStore(db),
    ...createPostgresRehearsalStore(db),

    async createGroup(group, hashes, defaults) {
      await db.transaction(async (c) => {
        await c.query('INSERT INTO groups (id, name, created_at, link_generation) VALUES ($1, $2, $3, $4)', [
          group.id,
          group.name,
          group.createdAt,
          group.linkGeneration,
        ]);
        for (const role of Object.keys(hashes) as Role[]) {
          await c.query('INSERT INTO tokens (hash, group_id, role, participant_id) VALUES ($1, $2, $3, NULL)', [
            hashes[role],
            group.id,
            role,
          ]);
        }
        if (!defaults) return;
        await c.query('UPDATE groups SET locale = $1, ground_rules = $2 WHERE id = $3', [
          defaults.locale,
          JSON.stringify(defaults.groundRules),
          group.id,
        ]);
        for (const [i, a] of defaults.competenceAreas.entries()) {
          await c.query('INSERT INTO competence_areas (id, group_id, name, position) VALUES ($1, $2, $3, $4)', [
            a.id,
            group.id,
            a.name,
            i,
          ]);
        }
      });
    },
    async getGroup(id) {
      const { rows } = await pool.query<GroupRow>(
        'SELECT id, name, created_at, link_generation FROM groups WHERE id = $1',
        [id],
      );
      return rows[0] ? toGroup(rows[0]) : null;
    },
    async createMeeting(m) {
      await insertMeeting(pool, m);
    },
    async startMeeting(m) {
      return db.transaction(async (c) => {
        // The group row's lock makes two starts (two clicks, two facilitators, two instances) take
        // turns: the second sees the meeting the first created.
        await c.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [m.groupId]);
        const { rows } = await c.query<{ id: MeetingId }>(
          `SELECT id FROM meetings WHERE group_id = $1 AND ended_at IS NULL
           ORDER BY created_at DESC, seq DESC LIMIT 1`,
          [m.groupId],
        );
        if (rows[0]) return rows[0].id;
        await insertMeeting(c, m);
        return null;
      });
    },
    async getMeeting(id) {
      const { rows } = await pool.query<MeetingRow>(`SELECT ${meetingColumns} FROM meetings WHERE id = $1`, [id]);
      return rows[0] ? toMeeting(rows[0]) : null;
    },
    async listMeetings(groupId) {
      const { rows } = await pool.query<MeetingRow>(
        `SELECT ${meetingColumns} FROM meetings WHERE group_id = $1 ORDER BY created_at, seq`,
        [groupId],
      );
      return rows.map(toMeeting);
    },
    async createParticipant(p, hash) {
      await db.transaction(async (c) => {
        await c.query(
          'INSERT INTO participants (id, group_id, display_name, role, created_at) VALUES ($1, $2, $3, $4, $5)',
          [p.id, p.groupId, p.displayName, p.role, p.createdAt],
        );
        await c.query('INSERT INTO tokens (hash, group_id, role, participant_id) VALUES ($1, $2, $3, $4)', [
          hash,
          p.groupId,
          p.role,
          p.id,
        ]);
      });
    },
    async getParticipant(id) {
      const { rows } = await pool.query<ParticipantRow>(
        `SELECT ${participantColumns} FROM participants WHERE id = $1`,
        [id],
      );
      return rows[0] ? toParticipant(rows[0]) : null;
    },
    async listParticipants(groupId) {
      const { rows } = await pool.query<ParticipantRow>(
        `SELECT ${participantColumns} FROM participants WHERE group_id = $1 ORDER BY created_at, seq`,
        [groupId],
      );
      return rows.map(toParticipant);
    },
    async findToken(hash) {
      const { rows } = await pool.query<TokenRow>('SELECT group_id, role, participant_id FROM tokens WHERE hash = $1', [
        hash,
      ]);
      return rows[0] ? toToken(rows[0]) : null;
    },
    async putAsset(a, maxMeetingBytes) {
      return db.transaction(async (c) => {
        // The meeting row's lock makes two uploads to one meeting (on any instances) check the quota
        // one after the other, and orders them against a purge, which updates that row.
        const { rows } = await c.query<{ board_deleted_at: string | null }>(
          'SELECT board_deleted_at FROM meetings WHERE id = $1 FOR UPDATE',
          [a.meetingId],
        );
        if (!rows[0] || rows[0].board_deleted_at !== null) return 'gone' as const;
        const used = await c.query<{ n: number }>(
          'SELECT COALESCE(sum(octet_length(data)), 0)::bigint::float8 AS n FROM assets WHERE meeting_id = $1',
          [a.meetingId],
        );
        if (used.rows[0]!.n + a.data.byteLength > maxMeetingBytes) return 'full' as const;
        await c.query('INSERT INTO assets (id, meeting_id, mime_type, data, created_at) VALUES ($1, $2, $3, $4, $5)', [
          a.id,
          a.meetingId,
          a.mimeType,
          toBuffer(a.data),
          a.createdAt,
        ]);
        return 'stored' as const;
      });
    },
    async getAsset(id) {
      const { rows } = await pool.query<{
        id: string;
        meeting_id: string;
        mime_type: string;
        data: Buffer;
        created_at: string;
      }>('SELECT id, meeting_id, mime_type, data, created_at FROM assets WHERE id = $1', [id]);
      const row = rows[0];
      if (!row) return null;
      return {
        id: row.id,
        meetingId: row.meeting_id as MeetingId,
        mimeType: row.mime_type,
        data: toBytes(row.data),
        createdAt: row.created_at,
      };
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
