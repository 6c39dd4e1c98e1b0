// Table rows as both SQL adapters read them (the column names are the same in SQLite and
// PostgreSQL), and their mapping to the storage interface's records.
import { z } from 'zod';
import {
  competenceAreaIdSchema,
  type ActionItemId,
  type AssessmentPhase,
  type GoalId,
  type GroupId,
  type MeetingId,
  type ParticipantId,
  type Role,
} from '@vermeboard/shared';
import type {
  ActionItemRecord,
  AssessmentRelease,
  GoalRecord,
  GroupRecord,
  MeetingRecord,
  ParticipantRecord,
  TokenRecord,
} from './Storage.js';

export interface GroupRow {
  id: string;
  name: string;
  created_at: string;
  link_generation: number;
}

export interface MeetingRow {
  id: string;
  group_id: string;
  created_at: string;
  facilitated_by: string | null;
  ended_at: string | null;
  board_deleted_at: string | null;
}

export interface ParticipantRow {
  id: string;
  group_id: string;
  display_name: string;
  role: Role;
  created_at: string;
  removed_at: string | null;
}

export interface TokenRow {
  group_id: string;
  role: Role;
  participant_id: string | null;
}

export interface GoalRow {
  id: string;
  group_id: string;
  text: string;
  position: number;
  created_at: string;
  archived_at: string | null;
}

/** An action item joined with its owner's display name. */
export interface ActionItemRow {
  id: string;
  group_id: string;
  meeting_id: string;
  text: string;
  owner_participant_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  done_at: string | null;
  source_shape_id: string | null;
  created_at: string;
}

export const toGroup = (r: GroupRow): GroupRecord => ({
  id: r.id as GroupId,
  name: r.name,
  createdAt: r.created_at,
  linkGeneration: r.link_generation,
});

export const toMeeting = (r: MeetingRow): MeetingRecord => ({
  id: r.id as MeetingId,
  groupId: r.group_id as GroupId,
  createdAt: r.created_at,
  facilitatedBy: r.facilitated_by as ParticipantId | null,
  endedAt: r.ended_at,
  boardDeletedAt: r.board_deleted_at,
});

export const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  id: r.id as ParticipantId,
  groupId: r.group_id as GroupId,
  displayName: r.display_name,
  role: r.role,
  createdAt: r.created_at,
  removedAt: r.removed_at,
});

export function toToken(r: TokenRow): TokenRecord {
  const groupId = r.group_id as GroupId;
  return r.participant_id === null
    ? { kind: 'link', groupId, role: r.role }
    : { kind: 'participant', groupId, role: r.role, participantId: r.participant_id as ParticipantId };
}

export const toGoal = (r: GoalRow): GoalRecord => ({
  id: r.id as GoalId,
  groupId: r.group_id as GroupId,
  text: r.text,
  position: r.position,
  createdAt: r.created_at,
  archivedAt: r.archived_at,
});

export const toActionItem = (r: ActionItemRow): ActionItemRecord => ({
  id: r.id as ActionItemId,
  groupId: r.group_id as GroupId,
  meetingId: r.meeting_id as MeetingId,
  text: r.text,
  ownerParticipantId: r.owner_participant_id as ParticipantId | null,
  ownerName: r.owner_name,
  dueDate: r.due_date,
  doneAt: r.done_at,
  sourceShapeId: r.source_shape_id,
  createdAt: r.created_at,
});

/** Ground rules as stored (a JSON array of strings): only the strings count. */
export function toGroundRules(json: string): string[] {
  const rules: unknown = JSON.parse(json);
  return Array.isArray(rules) ? rules.filter((r): r is string => typeof r === 'string') : [];
}

/** A released assessment phase; `areas` is the frozen figures as JSON. */
export interface ReleaseRow {
  phase: AssessmentPhase;
  released_at: string;
  answered: number;
  areas: string;
}

/** The stored figures are parsed on the way out like any other input. */
const releasedAreas = z.array(
  z.object({
    areaId: competenceAreaIdSchema,
    name: z.string(),
    average: z.number().nullable(),
    count: z.number().int().min(0),
  }),
);

/** Released phases in phase order. */
export function toReleases(rows: readonly ReleaseRow[]): AssessmentRelease[] {
  return rows
    .map((r) => ({
      phase: r.phase,
      releasedAt: r.released_at,
      answered: r.answered,
      areas: releasedAreas.parse(JSON.parse(r.areas)),
    }))
    .sort((a, b) => phaseOrder[a.phase] - phaseOrder[b.phase]);
}

export const phaseOrder: Record<AssessmentPhase, number> = { start: 0, mid: 1, end: 2 };
