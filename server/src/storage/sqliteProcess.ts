// The SQLite side of a group's process across meetings: link rotation, member removal, settings,
// goals and progress notes, action items, competence areas, self-assessments and retention.
import type Database from 'better-sqlite3';
import { forgetMailSql } from './notifyRows.js';
import { processLimits } from '@vermeboard/shared';
import type {
  ActionItemId,
  AssessmentPhase,
  CompetenceAreaId,
  GoalId,
  GroupId,
  GroupLocale,
  MeetingId,
  ParticipantId,
  ProgressNoteId,
  Role,
} from '@vermeboard/shared';
import type {
  ActionItemPatch,
  AssessmentAggregate,
  AssessmentRecord,
  CompetenceAreaRecord,
  GoalRecord,
  ProcessStore,
  ProgressNoteRecord,
} from './Storage.js';
import { debriefPurgeStatements } from './debriefSchema.js';
import { meetingDocRange } from './meetingDocRange.js';
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

const actionItemSelect = `
  SELECT a.*, p.display_name AS owner_name FROM action_items a
  LEFT JOIN participants p ON p.id = a.owner_participant_id`;

export interface SqliteProcessHooks {
  /** Called inside the transaction that purges meetings' documents, before it commits. */
  onPurge?(): void;
}

export function createSqliteProcessStore(db: Database.Database, hooks: SqliteProcessHooks = {}): ProcessStore {
  const q = {
    bumpGeneration: db.prepare(
      'UPDATE groups SET link_generation = link_generation + 1 WHERE id = ? AND link_generation = ?',
    ),
    linkHashes: db.prepare('SELECT hash FROM tokens WHERE group_id = ? AND participant_id IS NULL'),
    deleteToken: db.prepare('DELETE FROM tokens WHERE hash = ?'),
    insertLinkToken: db.prepare('INSERT INTO tokens (hash, group_id, role, participant_id) VALUES (?, ?, ?, NULL)'),
    markRemoved: db.prepare('UPDATE participants SET removed_at = ? WHERE id = ? AND removed_at IS NULL'),
    deleteParticipantTokens: db.prepare('DELETE FROM tokens WHERE participant_id = ?'),
    forgetMail: forgetMailSql('?').map((sql) => db.prepare(sql)),

    settings: db.prepare(
      `SELECT locale, ground_rules, next_meeting_date, next_meeting_time, next_meeting_place, next_meeting_theme,
              delete_boards_after_days
       FROM groups WHERE id = ?`,
    ),
    setGroundRules: db.prepare('UPDATE groups SET ground_rules = ? WHERE id = ?'),
    setNextMeeting: db.prepare(
      `UPDATE groups SET next_meeting_date = ?, next_meeting_time = ?, next_meeting_place = ?, next_meeting_theme = ?
       WHERE id = ?`,
    ),
    setRetention: db.prepare('UPDATE groups SET delete_boards_after_days = ? WHERE id = ?'),

    endMeeting: db.prepare('UPDATE meetings SET ended_at = COALESCE(ended_at, ?) WHERE id = ?'),
    meetingEnd: db.prepare('SELECT ended_at FROM meetings WHERE id = ?'),
    expiredMeetings: db.prepare(
      `SELECT m.id FROM meetings m JOIN groups g ON g.id = m.group_id
       WHERE m.ended_at IS NOT NULL AND m.board_deleted_at IS NULL AND g.delete_boards_after_days IS NOT NULL
         AND julianday(m.ended_at) + g.delete_boards_after_days < julianday(?)`,
    ),
    deleteMeetingDocs: db.prepare('DELETE FROM doc_updates WHERE doc >= ? AND doc < ?'),
    deleteMeetingAssets: db.prepare('DELETE FROM assets WHERE meeting_id = ?'),
    markBoardDeleted: db.prepare('UPDATE meetings SET board_deleted_at = ? WHERE id = ?'),

    activeGoals: db.prepare('SELECT * FROM goals WHERE group_id = ? AND archived_at IS NULL ORDER BY position'),
    archivedGoals: db.prepare(
      'SELECT * FROM goals WHERE group_id = ? AND archived_at IS NOT NULL ORDER BY archived_at, rowid',
    ),
    getGoal: db.prepare('SELECT * FROM goals WHERE id = ?'),
    insertGoal: db.prepare(
      'INSERT INTO goals (id, group_id, text, position, created_at, archived_at) VALUES (?, ?, ?, ?, ?, NULL)',
    ),
    setGoalText: db.prepare('UPDATE goals SET text = ? WHERE id = ?'),
    setGoalPosition: db.prepare('UPDATE goals SET position = ? WHERE id = ?'),
    archiveGoal: db.prepare('UPDATE goals SET archived_at = ? WHERE id = ? AND archived_at IS NULL'),
    insertNote: db.prepare(
      'INSERT INTO goal_progress (id, goal_id, meeting_id, participant_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listNotes: db.prepare(
      `SELECT n.*, p.display_name AS author_name FROM goal_progress n
       JOIN participants p ON p.id = n.participant_id
       WHERE n.goal_id = ? ORDER BY n.created_at, n.rowid`,
    ),

    insertActionItem: db.prepare(
      `INSERT INTO action_items (id, group_id, meeting_id, text, owner_participant_id, due_date, done_at, source_shape_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    ),
    getActionItem: db.prepare(`${actionItemSelect} WHERE a.id = ?`),
    listActionItems: db.prepare(`${actionItemSelect} WHERE a.group_id = ? ORDER BY a.created_at, a.rowid`),
    listOpenActionItems: db.prepare(
      `${actionItemSelect} WHERE a.group_id = ? AND a.done_at IS NULL ORDER BY a.created_at, a.rowid`,
    ),
    updateActionItem: db.prepare(
      'UPDATE action_items SET text = ?, owner_participant_id = ?, due_date = ?, done_at = ? WHERE id = ?',
    ),

    listAreas: db.prepare('SELECT id, name FROM competence_areas WHERE group_id = ? AND retired = 0 ORDER BY position'),
    retireAreas: db.prepare('UPDATE competence_areas SET retired = 1 WHERE group_id = ?'),
    // The WHERE keeps an id of another group from being taken over.
    upsertArea: db.prepare(
      `INSERT INTO competence_areas (id, group_id, name, position, retired) VALUES (?, ?, ?, ?, 0)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, position = excluded.position, retired = 0
       WHERE competence_areas.group_id = excluded.group_id`,
    ),
    deleteAssessment: db.prepare('DELETE FROM assessments WHERE participant_id = ? AND phase = ?'),
    insertAssessment: db.prepare(
      'INSERT INTO assessments (participant_id, phase, group_id, updated_at) VALUES (?, ?, ?, ?)',
    ),
    insertRating: db.prepare(
      'INSERT INTO assessment_ratings (participant_id, phase, area_id, rating) VALUES (?, ?, ?, ?)',
    ),
    ownAssessments: db.prepare(
      `SELECT a.phase, a.updated_at, r.area_id, r.rating FROM assessments a
       JOIN assessment_ratings r ON r.participant_id = a.participant_id AND r.phase = a.phase
       JOIN competence_areas c ON c.id = r.area_id
       WHERE a.participant_id = ? ORDER BY a.phase, c.position`,
    ),
    respondents: db.prepare(
      `SELECT a.phase, COUNT(DISTINCT a.participant_id) AS n FROM assessments a
       JOIN assessment_ratings r ON r.participant_id = a.participant_id AND r.phase = a.phase
       JOIN competence_areas c ON c.id = r.area_id AND c.retired = 0
       WHERE a.group_id = ? GROUP BY a.phase`,
    ),
    areaSums: db.prepare(
      `SELECT a.phase, r.area_id, SUM(r.rating) AS s, COUNT(*) AS n FROM assessments a
       JOIN assessment_ratings r ON r.participant_id = a.participant_id AND r.phase = a.phase
       JOIN competence_areas c ON c.id = r.area_id AND c.retired = 0
       WHERE a.group_id = ? GROUP BY a.phase, r.area_id ORDER BY c.position`,
    ),
    insertRelease: db.prepare(
      `INSERT INTO assessment_releases (group_id, phase, released_at, answered, areas) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id, phase) DO NOTHING`,
    ),
    listReleases: db.prepare('SELECT * FROM assessment_releases WHERE group_id = ?'),
    threshold: db.prepare('SELECT assessment_min_respondents AS n FROM groups WHERE id = ?'),
    setThreshold: db.prepare('UPDATE groups SET assessment_min_respondents = ? WHERE id = ?'),
  };

  const rotateLinks = db.transaction((groupId: GroupId, from: number, hashes: Record<Role, string>) => {
    if (q.bumpGeneration.run(groupId, from).changes === 0) return null;
    const old = (q.linkHashes.all(groupId) as { hash: string }[]).map((r) => r.hash);
    for (const hash of old) q.deleteToken.run(hash);
    for (const role of Object.keys(hashes) as Role[]) q.insertLinkToken.run(hashes[role], groupId, role);
    return old;
  });

  const removeParticipant = db.transaction((id: ParticipantId, at: string) => {
    if (q.markRemoved.run(at, id).changes === 0) return false;
    q.deleteParticipantTokens.run(id);
    // Their mail address was kept only to mail them as a member.
    for (const forget of q.forgetMail) forget.run(id);
    return true;
  });

  const purgeDebrief = debriefPurgeStatements.sqlite.map((sql) => db.prepare(sql));
  const purge = db.transaction((now: Date) => {
    const ids = (q.expiredMeetings.all(now.toISOString()) as { id: string }[]).map((r) => r.id as MeetingId);
    for (const id of ids) {
      q.deleteMeetingDocs.run(...meetingDocRange(id));
      q.deleteMeetingAssets.run(id);
      for (const purge of purgeDebrief) purge.run(id);
      q.markBoardDeleted.run(now.toISOString(), id);
    }
    if (ids.length > 0) hooks.onPurge?.();
    return ids;
  });

  const addGoal = db.transaction((goal: Omit<GoalRecord, 'position' | 'archivedAt'>, maxActive: number) => {
    const active = q.activeGoals.all(goal.groupId) as GoalRow[];
    if (active.length >= maxActive) return 'full' as const;
    const position = active.length === 0 ? 0 : active[active.length - 1]!.position + 1;
    q.insertGoal.run(goal.id, goal.groupId, goal.text, position, goal.createdAt);
    return { ...goal, position, archivedAt: null };
  });

  const reorderGoals = db.transaction((groupId: GroupId, ids: GoalId[]) => {
    const active = new Set((q.activeGoals.all(groupId) as GoalRow[]).map((g) => g.id));
    if (ids.length !== active.size || new Set(ids).size !== ids.length || !ids.every((id) => active.has(id))) {
      return false;
    }
    ids.forEach((id, i) => q.setGoalPosition.run(i, id));
    return true;
  });

  const archiveGoal = db.transaction((id: GoalId, at: string) => {
    const goal = q.getGoal.get(id) as GoalRow | undefined;
    if (!goal || q.archiveGoal.run(at, id).changes === 0) return;
    // Keep the remaining goals numbered 0..n-1 so that positions stay meaningful to clients.
    (q.activeGoals.all(goal.group_id) as GoalRow[]).forEach((g, i) => q.setGoalPosition.run(i, g.id));
  });

  const updateActionItem = db.transaction((id: ActionItemId, patch: ActionItemPatch) => {
    const row = q.getActionItem.get(id) as ActionItemRow | undefined;
    if (!row) return;
    const next = { ...toActionItem(row), ...patch };
    q.updateActionItem.run(next.text, next.ownerParticipantId, next.dueDate, next.doneAt, id);
  });

  const setCompetenceAreas = db.transaction((groupId: GroupId, areas: CompetenceAreaRecord[]) => {
    q.retireAreas.run(groupId);
    areas.forEach((a, i) => q.upsertArea.run(a.id, groupId, a.name, i));
  });

  const saveAssessment = db.transaction((groupId: GroupId, participantId: ParticipantId, answer: AssessmentRecord) => {
    // Deleting the answer cascades to its ratings, so a new save replaces the whole answer.
    q.deleteAssessment.run(participantId, answer.phase);
    q.insertAssessment.run(participantId, answer.phase, groupId, answer.updatedAt);
    for (const r of answer.ratings) q.insertRating.run(participantId, answer.phase, r.areaId, r.rating);
  });

  return {
    async rotateLinks(groupId, fromGeneration, hashes) {
      return rotateLinks(groupId, fromGeneration, hashes);
    },
    async removeParticipant(id, at) {
      return removeParticipant(id, at);
    },

    async getGroupSettings(groupId) {
      const row = q.settings.get(groupId) as
        | {
            locale: GroupLocale;
            ground_rules: string;
            next_meeting_date: string | null;
            next_meeting_time: string | null;
            next_meeting_place: string | null;
            next_meeting_theme: string | null;
            delete_boards_after_days: number | null;
          }
        | undefined;
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
      q.setGroundRules.run(JSON.stringify(rules), groupId);
    },
    async setNextMeeting(groupId, next) {
      q.setNextMeeting.run(next.date, next.time, next.place, next.theme, groupId);
    },
    async setRetention(groupId, days) {
      q.setRetention.run(days, groupId);
    },

    async endMeeting(id, at) {
      q.endMeeting.run(at, id);
      const row = q.meetingEnd.get(id) as { ended_at: string | null } | undefined;
      return row?.ended_at ?? null;
    },
    async purgeExpiredMeetings(now) {
      // secure_delete (on for the whole connection, see sqlite.ts) makes SQLite overwrite the freed
      // cells and pages with zeros, so the deleted boards are gone from the file rather than left in
      // free pages until reused. The checkpoint then copies those pages into the main file and
      // truncates the WAL, which held the old content. (A VACUUM would also do it, but rewrites the
      // whole database while blocking the server.)
      const ids = purge(now);
      if (ids.length > 0) {
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (result?.busy) throw new Error('could not checkpoint the write-ahead log after purging meetings');
      }
      return ids;
    },

    async listGoals(groupId, includeArchived = false) {
      const rows = q.activeGoals.all(groupId) as GoalRow[];
      if (includeArchived) rows.push(...(q.archivedGoals.all(groupId) as GoalRow[]));
      return rows.map(toGoal);
    },
    async getGoal(id) {
      const row = q.getGoal.get(id) as GoalRow | undefined;
      return row ? toGoal(row) : null;
    },
    async addGoal(goal, maxActive) {
      return addGoal(goal, maxActive);
    },
    async setGoalText(id, text) {
      q.setGoalText.run(text, id);
    },
    async reorderGoals(groupId, ids) {
      return reorderGoals(groupId, ids);
    },
    async archiveGoal(id, at) {
      archiveGoal(id, at);
    },
    async addProgressNote(n) {
      q.insertNote.run(n.id, n.goalId, n.meetingId, n.participantId, n.text, n.createdAt);
    },
    async listProgressNotes(goalId) {
      const rows = q.listNotes.all(goalId) as {
        id: string;
        goal_id: string;
        meeting_id: string;
        participant_id: string;
        author_name: string;
        text: string;
        created_at: string;
      }[];
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
      q.insertActionItem.run(
        a.id,
        a.groupId,
        a.meetingId,
        a.text,
        a.ownerParticipantId,
        a.dueDate,
        a.sourceShapeId,
        a.createdAt,
      );
    },
    async getActionItem(id) {
      const row = q.getActionItem.get(id) as ActionItemRow | undefined;
      return row ? toActionItem(row) : null;
    },
    async listActionItems(groupId, openOnly) {
      const rows = (openOnly ? q.listOpenActionItems : q.listActionItems).all(groupId) as ActionItemRow[];
      return rows.map(toActionItem);
    },
    async updateActionItem(id, patch) {
      updateActionItem(id, patch);
    },

    async listCompetenceAreas(groupId) {
      return (q.listAreas.all(groupId) as { id: string; name: string }[]).map((r) => ({
        id: r.id as CompetenceAreaId,
        name: r.name,
      }));
    },
    async setCompetenceAreas(groupId, areas) {
      setCompetenceAreas(groupId, areas);
    },
    async saveAssessment(groupId, participantId, answer) {
      saveAssessment(groupId, participantId, answer);
    },
    async listOwnAssessments(participantId) {
      const rows = q.ownAssessments.all(participantId) as {
        phase: AssessmentPhase;
        updated_at: string;
        area_id: string;
        rating: number;
      }[];
      const byPhase = new Map<AssessmentPhase, AssessmentRecord>();
      for (const r of rows) {
        let answer = byPhase.get(r.phase);
        if (!answer) byPhase.set(r.phase, (answer = { phase: r.phase, ratings: [], updatedAt: r.updated_at }));
        answer.ratings.push({ areaId: r.area_id as CompetenceAreaId, rating: r.rating });
      }
      return [...byPhase.values()].sort((a, b) => phaseOrder[a.phase] - phaseOrder[b.phase]);
    },
    async assessmentAggregate(groupId): Promise<AssessmentAggregate> {
      const respondents: AssessmentAggregate['respondents'] = {};
      for (const r of q.respondents.all(groupId) as { phase: AssessmentPhase; n: number }[]) {
        respondents[r.phase] = r.n;
      }
      const areas = (
        q.areaSums.all(groupId) as { phase: AssessmentPhase; area_id: string; s: number; n: number }[]
      ).map((r) => ({ phase: r.phase, areaId: r.area_id as CompetenceAreaId, sum: r.s, count: r.n }));
      return { respondents, areas };
    },
    async releaseAssessment(groupId, r) {
      return q.insertRelease.run(groupId, r.phase, r.releasedAt, r.answered, JSON.stringify(r.areas)).changes === 1;
    },
    async listAssessmentReleases(groupId) {
      return toReleases(q.listReleases.all(groupId) as ReleaseRow[]);
    },
    async assessmentThreshold(groupId) {
      const row = q.threshold.get(groupId) as { n: number | null } | undefined;
      return row?.n ?? processLimits.assessmentMinRespondents;
    },
    async setAssessmentThreshold(groupId, minRespondents) {
      q.setThreshold.run(minRespondents, groupId);
    },
  };
}
