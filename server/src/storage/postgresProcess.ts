// The PostgreSQL side of a group's process across meetings: link rotation, member removal, settings,
// goals and progress notes, action items, competence areas, self-assessments and retention.
//
// SQLite runs one writer at a time; PostgreSQL runs transactions side by side (READ COMMITTED). So
// where a method reads and then writes on what it read (the goal limit, renumbering, a patch), it
// first locks the row that owns the data (the group, the item) with FOR UPDATE, which makes two
// instances take turns exactly as two calls on one SQLite file do.
import { forgetMailSql } from './notifyRows.js';
import type {
  AssessmentPhase,
  CompetenceAreaId,
  GoalId,
  GroupLocale,
  MeetingId,
  ParticipantId,
  ProgressNoteId,
  Role,
} from '@vermeboard/shared';
import { processLimits } from '@vermeboard/shared';
import { meetingDocRange } from './meetingDocRange.js';
import { debriefPurgeStatements } from './debriefSchema.js';
import type { Db, Queryable } from './postgresDb.js';
import {
  phaseOrder,
  toActionItem,
  toGoal,
  toGroundRules,
  toReleases,
  type ActionItemRow,
  type GoalRow,
  type ReleaseRow,
} from './rows.js';
import type { AssessmentAggregate, AssessmentRecord, ProcessStore, ProgressNoteRecord } from './Storage.js';

const goalColumns = 'id, group_id, text, position, created_at, archived_at';
const actionItemSelect = `
  SELECT a.id, a.group_id, a.meeting_id, a.text, a.owner_participant_id, p.display_name AS owner_name,
         a.due_date, a.done_at, a.source_shape_id, a.created_at
  FROM action_items a LEFT JOIN participants p ON p.id = a.owner_participant_id`;

const activeGoals = async (q: Queryable, groupId: string) =>
  (
    await q.query<GoalRow>(
      `SELECT ${goalColumns} FROM goals WHERE group_id = $1 AND archived_at IS NULL ORDER BY position`,
      [groupId],
    )
  ).rows;

/** Makes concurrent changes to one group's goals or areas take turns; false when the group is unknown. */
const lockGroup = async (q: Queryable, groupId: string) =>
  (await q.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [groupId])).rowCount === 1;

export function createPostgresProcessStore(db: Db): ProcessStore {
  const { pool } = db;
  return {
    async rotateLinks(groupId, fromGeneration, hashes) {
      return db.transaction(async (c) => {
        // The row lock makes a concurrent rotation wait, then find the generation moved on.
        const bumped = await c.query(
          'UPDATE groups SET link_generation = link_generation + 1 WHERE id = $1 AND link_generation = $2',
          [groupId, fromGeneration],
        );
        if (bumped.rowCount === 0) return null;
        const { rows } = await c.query<{ hash: string }>(
          'DELETE FROM tokens WHERE group_id = $1 AND participant_id IS NULL RETURNING hash',
          [groupId],
        );
        for (const role of Object.keys(hashes) as Role[]) {
          await c.query('INSERT INTO tokens (hash, group_id, role, participant_id) VALUES ($1, $2, $3, NULL)', [
            hashes[role],
            groupId,
            role,
          ]);
        }
        return rows.map((r) => r.hash);
      });
    },
    async removeParticipant(id, at) {
      return db.transaction(async (c) => {
        const marked = await c.query('UPDATE participants SET removed_at = $1 WHERE id = $2 AND removed_at IS NULL', [
          at,
          id,
        ]);
        if (marked.rowCount === 0) return false;
        await c.query('DELETE FROM tokens WHERE participant_id = $1', [id]);
        // Their mail address was kept only to mail them as a member.
        for (const sql of forgetMailSql('$1')) await c.query(sql, [id]);
        return true;
      });
    },

    async getGroupSettings(groupId) {
      const { rows } = await pool.query<{
        locale: GroupLocale;
        ground_rules: string;
        next_meeting_date: string | null;
        next_meeting_time: string | null;
        next_meeting_place: string | null;
        next_meeting_theme: string | null;
        delete_boards_after_days: number | null;
      }>(
        `SELECT locale, ground_rules, next_meeting_date, next_meeting_time, next_meeting_place, next_meeting_theme,
                delete_boards_after_days
         FROM groups WHERE id = $1`,
        [groupId],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        locale: row.locale,
        groundRules: toGroundRules(row.ground_rules),
        nextMeetingDate: row.next_meeting_date,
        nextMeetingTime: row.next_meeting_time,
        nextMeetingPlace: row.next_meeting_place,
        nextMeetingTheme: row.next_meeting_theme,
        deleteBoardsAfterDays: row.delete_boards_after_days,
      };
    },
    async setGroundRules(groupId, rules) {
      await pool.query('UPDATE groups SET ground_rules = $1 WHERE id = $2', [JSON.stringify(rules), groupId]);
    },
    async setNextMeeting(groupId, next) {
      await pool.query(
        `UPDATE groups SET next_meeting_date = $1, next_meeting_time = $2, next_meeting_place = $3, next_meeting_theme = $4
         WHERE id = $5`,
        [next.date, next.time, next.place, next.theme, groupId],
      );
    },
    async setRetention(groupId, days) {
      await pool.query('UPDATE groups SET delete_boards_after_days = $1 WHERE id = $2', [days, groupId]);
    },

    async endMeeting(id, at) {
      // One statement: a concurrent end waits for the row, then keeps the time the first one set.
      const { rows } = await pool.query<{ ended_at: string }>(
        'UPDATE meetings SET ended_at = COALESCE(ended_at, $1) WHERE id = $2 RETURNING ended_at',
        [at, id],
      );
      return rows[0]?.ended_at ?? null;
    },
    async purgeExpiredMeetings(now) {
      const at = now.toISOString();
      return db.transaction(async (c) => {
        // Marking first claims the meetings: an instance sweeping at the same time waits for these
        // rows, then finds them marked and leaves them out, so each meeting is reported once.
        // Hours, not days: `+ n days` would follow the session time zone's daylight saving shifts.
        const { rows } = await c.query<{ id: MeetingId }>(
          `UPDATE meetings m SET board_deleted_at = $1 FROM groups g
           WHERE g.id = m.group_id AND m.ended_at IS NOT NULL AND m.board_deleted_at IS NULL
             AND g.delete_boards_after_days IS NOT NULL
             AND m.ended_at::timestamptz + make_interval(hours => 24 * g.delete_boards_after_days) < $2::timestamptz
           RETURNING m.id`,
          [at, at],
        );
        // The rows are deleted, so no query, backup taken from now on or replica sees them again.
        // Their bytes are not erased at once, though, and PostgreSQL has nothing like SQLite's
        // secure_delete: a deleted row stays in its table page (and large values in the TOAST
        // table) until VACUUM, autovacuum's or a manual one, prunes it. VACUUM only marks that space
        // free for reuse; it does not overwrite it, so the bytes stay in the data files until new
        // rows land there. VACUUM FULL writes the table anew and removes the old files, without
        // overwriting them on disk either. The write-ahead log, its archive and earlier backups keep
        // copies until they are recycled. Where erasure on disk matters, keep the database on
        // encrypted storage and bound the retention of WAL archives and backups (README).
        for (const { id } of rows) {
          const [from, to] = meetingDocRange(id);
          await c.query('DELETE FROM doc_updates WHERE doc >= $1 AND doc < $2', [from, to]);
          await c.query('DELETE FROM assets WHERE meeting_id = $1', [id]);
          for (const sql of debriefPurgeStatements.postgres) await c.query(sql, [id]);
        }
        return rows.map((r) => r.id);
      });
    },

    async listGoals(groupId, includeArchived = false) {
      const rows = await activeGoals(pool, groupId);
      if (includeArchived) {
        const archived = await pool.query<GoalRow>(
          `SELECT ${goalColumns} FROM goals WHERE group_id = $1 AND archived_at IS NOT NULL ORDER BY archived_at, seq`,
          [groupId],
        );
        rows.push(...archived.rows);
      }
      return rows.map(toGoal);
    },
    async getGoal(id) {
      const { rows } = await pool.query<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE id = $1`, [id]);
      return rows[0] ? toGoal(rows[0]) : null;
    },
    async addGoal(goal, maxActive) {
      return db.transaction(async (c) => {
        await lockGroup(c, goal.groupId);
        const active = await activeGoals(c, goal.groupId);
        if (active.length >= maxActive) return 'full' as const;
        const position = active.length === 0 ? 0 : active[active.length - 1]!.position + 1;
        await c.query(
          'INSERT INTO goals (id, group_id, text, position, created_at, archived_at) VALUES ($1, $2, $3, $4, $5, NULL)',
          [goal.id, goal.groupId, goal.text, position, goal.createdAt],
        );
        return { ...goal, position, archivedAt: null };
      });
    },
    async setGoalText(id, text) {
      await pool.query('UPDATE goals SET text = $1 WHERE id = $2', [text, id]);
    },
    async reorderGoals(groupId, ids) {
      return db.transaction(async (c) => {
        await lockGroup(c, groupId);
        const active = new Set((await activeGoals(c, groupId)).map((g) => g.id));
        if (ids.length !== active.size || new Set(ids).size !== ids.length || !ids.every((id) => active.has(id))) {
          return false;
        }
        await setPositions(c, ids);
        return true;
      });
    },
    async archiveGoal(id, at) {
      await db.transaction(async (c) => {
        const { rows } = await c.query<{ group_id: string }>('SELECT group_id FROM goals WHERE id = $1', [id]);
        if (!rows[0]) return;
        await lockGroup(c, rows[0].group_id);
        const archived = await c.query('UPDATE goals SET archived_at = $1 WHERE id = $2 AND archived_at IS NULL', [
          at,
          id,
        ]);
        if (archived.rowCount === 0) return;
        // Keep the remaining goals numbered 0..n-1 so that positions stay meaningful to clients.
        await setPositions(
          c,
          (await activeGoals(c, rows[0].group_id)).map((g) => g.id),
        );
      });
    },
    async addProgressNote(n) {
      await pool.query(
        `INSERT INTO goal_progress (id, goal_id, meeting_id, participant_id, text, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [n.id, n.goalId, n.meetingId, n.participantId, n.text, n.createdAt],
      );
    },
    async listProgressNotes(goalId) {
      const { rows } = await pool.query<{
        id: string;
        goal_id: string;
        meeting_id: string;
        participant_id: string;
        author_name: string;
        text: string;
        created_at: string;
      }>(
        `SELECT n.id, n.goal_id, n.meeting_id, n.participant_id, p.display_name AS author_name, n.text, n.created_at
         FROM goal_progress n JOIN participants p ON p.id = n.participant_id
         WHERE n.goal_id = $1 ORDER BY n.created_at, n.seq`,
        [goalId],
      );
      return rows.map((r): ProgressNoteRecord => ({
        id: r.id as ProgressNoteId,
        goalId: r.goal_id as GoalId,
        meetingId: r.meeting_id as MeetingId,
        participantId: r.participant_id as ParticipantId,
        authorName: r.author_name,
        text: r.text,
        createdAt: r.created_at,
      }));
    },

    async createActionItem(a) {
      await pool.query(
        `INSERT INTO action_items (id, group_id, meeting_id, text, owner_participant_id, due_date, done_at, source_shape_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8)`,
        [a.id, a.groupId, a.meetingId, a.text, a.ownerParticipantId, a.dueDate, a.sourceShapeId, a.createdAt],
      );
    },
    async getActionItem(id) {
      const { rows } = await pool.query<ActionItemRow>(`${actionItemSelect} WHERE a.id = $1`, [id]);
      return rows[0] ? toActionItem(rows[0]) : null;
    },
    async listActionItems(groupId, openOnly) {
      const { rows } = await pool.query<ActionItemRow>(
        `${actionItemSelect} WHERE a.group_id = $1 ${openOnly ? 'AND a.done_at IS NULL' : ''}
         ORDER BY a.created_at, a.seq`,
        [groupId],
      );
      return rows.map(toActionItem);
    },
    async updateActionItem(id, patch) {
      await db.transaction(async (c) => {
        const { rows } = await c.query<ActionItemRow>(`${actionItemSelect} WHERE a.id = $1 FOR UPDATE OF a`, [id]);
        if (!rows[0]) return;
        const next = { ...toActionItem(rows[0]), ...patch };
        await c.query(
          'UPDATE action_items SET text = $1, owner_participant_id = $2, due_date = $3, done_at = $4 WHERE id = $5',
          [next.text, next.ownerParticipantId, next.dueDate, next.doneAt, id],
        );
      });
    },

    async listCompetenceAreas(groupId) {
      const { rows } = await pool.query<{ id: string; name: string }>(
        'SELECT id, name FROM competence_areas WHERE group_id = $1 AND NOT retired ORDER BY position',
        [groupId],
      );
      return rows.map((r) => ({ id: r.id as CompetenceAreaId, name: r.name }));
    },
    async setCompetenceAreas(groupId, areas) {
      await db.transaction(async (c) => {
        await lockGroup(c, groupId);
        await c.query('UPDATE competence_areas SET retired = TRUE WHERE group_id = $1', [groupId]);
        for (const [i, a] of areas.entries()) {
          // The WHERE keeps an id of another group from being taken over.
          await c.query(
            `INSERT INTO competence_areas (id, group_id, name, position, retired) VALUES ($1, $2, $3, $4, FALSE)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position, retired = FALSE
             WHERE competence_areas.group_id = excluded.group_id`,
            [a.id, groupId, a.name, i],
          );
        }
      });
    },
    async saveAssessment(groupId, participantId, answer) {
      await db.transaction(async (c) => {
        // An upsert, not delete-and-insert: a concurrent save of the same answer waits for this row
        // instead of failing on the primary key, and the last save wins whole.
        await c.query(
          `INSERT INTO assessments (participant_id, phase, group_id, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (participant_id, phase) DO UPDATE SET group_id = excluded.group_id, updated_at = excluded.updated_at`,
          [participantId, answer.phase, groupId, answer.updatedAt],
        );
        await c.query('DELETE FROM assessment_ratings WHERE participant_id = $1 AND phase = $2', [
          participantId,
          answer.phase,
        ]);
        for (const r of answer.ratings) {
          await c.query(
            'INSERT INTO assessment_ratings (participant_id, phase, area_id, rating) VALUES ($1, $2, $3, $4)',
            [participantId, answer.phase, r.areaId, r.rating],
          );
        }
      });
    },
    async listOwnAssessments(participantId) {
      const { rows } = await pool.query<{
        phase: AssessmentPhase;
        updated_at: string;
        area_id: string;
        rating: number;
      }>(
        `SELECT a.phase, a.updated_at, r.area_id, r.rating FROM assessments a
         JOIN assessment_ratings r ON r.participant_id = a.participant_id AND r.phase = a.phase
         JOIN competence_areas c ON c.id = r.area_id
         WHERE a.participant_id = $1 ORDER BY a.phase, c.position`,
        [participantId],
      );
      const byPhase = new Map<AssessmentPhase, AssessmentRecord>();
      for (const r of rows) {
        let answer = byPhase.get(r.phase);
        if (!answer) byPhase.set(r.phase, (answer = { phase: r.phase, ratings: [], updatedAt: r.updated_at }));
        answer.ratings.push({ areaId: r.area_id as CompetenceAreaId, rating: r.rating });
      }
      return [...byPhase.values()].sort((a, b) => phaseOrder[a.phase] - phaseOrder[b.phase]);
    },
    async assessmentAggregate(groupId): Promise<AssessmentAggregate> {
      const counted = `FROM assessments a
        JOIN assessment_ratings r ON r.participant_id = a.participant_id AND r.phase = a.phase
        JOIN competence_areas c ON c.id = r.area_id AND NOT c.retired
        WHERE a.group_id = $1`;
      const respondents: AssessmentAggregate['respondents'] = {};
      const byPhase = await pool.query<{ phase: AssessmentPhase; n: number }>(
        `SELECT a.phase, count(DISTINCT a.participant_id)::int AS n ${counted} GROUP BY a.phase`,
        [groupId],
      );
      for (const r of byPhase.rows) respondents[r.phase] = r.n;
      const sums = await pool.query<{ phase: AssessmentPhase; area_id: string; s: number; n: number }>(
        `SELECT a.phase, r.area_id, sum(r.rating)::int AS s, count(*)::int AS n ${counted}
         GROUP BY a.phase, r.area_id, c.position ORDER BY c.position`,
        [groupId],
      );
      const areas = sums.rows.map((r) => ({
        phase: r.phase,
        areaId: r.area_id as CompetenceAreaId,
        sum: r.s,
        count: r.n,
      }));
      return { respondents, areas };
    },
    async releaseAssessment(groupId, r) {
      // The primary key makes a second release of the phase, from any instance, change nothing.
      const inserted = await pool.query(
        `INSERT INTO assessment_releases (group_id, phase, released_at, answered, areas) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (group_id, phase) DO NOTHING`,
        [groupId, r.phase, r.releasedAt, r.answered, JSON.stringify(r.areas)],
      );
      return inserted.rowCount === 1;
    },
    async listAssessmentReleases(groupId) {
      const { rows } = await pool.query<ReleaseRow>(
        'SELECT phase, released_at, answered, areas FROM assessment_releases WHERE group_id = $1',
        [groupId],
      );
      return toReleases(rows);
    },
    async assessmentThreshold(groupId) {
      const { rows } = await pool.query<{ n: number | null }>(
        'SELECT assessment_min_respondents AS n FROM groups WHERE id = $1',
        [groupId],
      );
      return rows[0]?.n ?? processLimits.assessmentMinRespondents;
    },
    async setAssessmentThreshold(groupId, minRespondents) {
      await pool.query('UPDATE groups SET assessment_min_respondents = $1 WHERE id = $2', [minRespondents, groupId]);
    },
  };
}

async function setPositions(q: Queryable, ids: readonly string[]): Promise<void> {
  await q.query(
    `UPDATE goals SET position = n.position - 1
     FROM unnest($1::text[]) WITH ORDINALITY AS n(id, position) WHERE goals.id = n.id`,
    [ids],
  );
}
