// Calls to the group process API (README "Group process API"): goals, ground rules, the next meeting,
// members, link rotation, action items, competence areas, self-assessments and retention. Every
// answer is parsed against the shared contract before the UI sees it.
import {
  actionItemIdSchema,
  assessmentPhaseSchema,
  competenceAreaIdSchema,
  goalIdSchema,
  groupLocaleSchema,
  meetingIdSchema,
  meetingSummarySchema,
  participantIdSchema,
  roleSchema,
  type ActionItem,
  type ActionItemFilter,
  type ActionItemId,
  type ActionItemsResponse,
  type AssessmentBody,
  type AssessmentPhase,
  type AssessmentSummaryResponse,
  type CompetenceAreasBody,
  type CompetenceAreasResponse,
  type CreateActionItemBody,
  type Goal,
  type GoalId,
  type GoalsResponse,
  type GroupId,
  type GroupSettingsResponse,
  type MeetingId,
  type MeetingSummaryResponse,
  type MeetingsResponse,
  type MembersResponse,
  type NextMeetingBody,
  type OwnAssessment,
  type OwnAssessmentsResponse,
  type ParticipantId,
  type PhaseSummary,
  type ProgressNoteId,
  type ProgressNotesResponse,
  type RoleTokens,
  type RotateLinksResponse,
  type UpdateActionItemBody,
} from '@vermeboard/shared';
import { z } from 'zod';
import { request } from './client.js';

// ---- Response schemas, each annotated with its shared type so the two cannot drift apart ----

const roleTokens: z.ZodType<RoleTokens> = z.object({
  facilitator: z.string(),
  member: z.string(),
  observer: z.string(),
});

export const rotateLinksResponse: z.ZodType<RotateLinksResponse> = z.object({ tokens: roleTokens, links: roleTokens });

export const membersResponse: z.ZodType<MembersResponse> = z.object({
  members: z.array(
    z.object({
      id: participantIdSchema,
      displayName: z.string(),
      role: roleSchema,
      joinedAt: z.string(),
      removed: z.boolean(),
      removedAt: z.string().nullable(),
      facilitatedMeetings: z.array(meetingIdSchema),
    }),
  ),
});

export const meetingsResponse: z.ZodType<MeetingsResponse> = z.object({
  meetings: z.array(
    z.object({
      id: meetingIdSchema,
      createdAt: z.string(),
      endedAt: z.string().nullable(),
      facilitatedBy: participantIdSchema.nullable(),
      boardDeletedAt: z.string().nullable(),
    }),
  ),
});

export const meetingSummaryResponse: z.ZodType<MeetingSummaryResponse> = z.object({ summary: meetingSummarySchema });

export const settingsResponse: z.ZodType<GroupSettingsResponse> = z.object({
  locale: groupLocaleSchema,
  groundRules: z.array(z.string()),
  nextMeeting: z.object({
    date: z.string().nullable(),
    // A server from before the time and place sends none.
    time: z.string().nullable().catch(null),
    place: z.string().nullable().catch(null),
    theme: z.string().nullable(),
  }),
  deleteBoardsAfterDays: z.number().int().positive().nullable(),
});

const goal: z.ZodType<Goal> = z.object({
  id: goalIdSchema,
  text: z.string(),
  position: z.number().int(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});
export const goalsResponse: z.ZodType<GoalsResponse> = z.object({ goals: z.array(goal) });

// shared/ has no schema for progress-note ids (nothing sends them back); brand them the same way.
const progressNoteId = z.string().transform((s) => s as ProgressNoteId);
export const progressNotesResponse: z.ZodType<ProgressNotesResponse> = z.object({
  notes: z.array(
    z.object({
      id: progressNoteId,
      goalId: goalIdSchema,
      meetingId: meetingIdSchema,
      participantId: participantIdSchema,
      authorName: z.string(),
      text: z.string(),
      createdAt: z.string(),
    }),
  ),
});

const actionItem: z.ZodType<ActionItem> = z.object({
  id: actionItemIdSchema,
  meetingId: meetingIdSchema,
  text: z.string(),
  ownerParticipantId: participantIdSchema.nullable(),
  ownerName: z.string().optional(),
  dueDate: z.string().nullable(),
  doneAt: z.string().nullable(),
  sourceShapeId: z.string().nullable(),
  createdAt: z.string(),
});
export const actionItemsResponse: z.ZodType<ActionItemsResponse> = z.object({ actionItems: z.array(actionItem) });

export const competenceAreasResponse: z.ZodType<CompetenceAreasResponse> = z.object({
  areas: z.array(z.object({ id: competenceAreaIdSchema, name: z.string() })),
});

const rating = z.object({ areaId: competenceAreaIdSchema, rating: z.number().int().min(1).max(5) });
const ownAssessment: z.ZodType<OwnAssessment> = z.object({
  phase: assessmentPhaseSchema,
  ratings: z.array(rating),
  updatedAt: z.string(),
});
export const ownAssessmentsResponse: z.ZodType<OwnAssessmentsResponse> = z.object({
  assessments: z.array(ownAssessment),
});

const phaseSummary: z.ZodType<PhaseSummary> = z.union([
  z.object({ phase: assessmentPhaseSchema, withheld: z.literal(true), answered: z.number().int().min(0) }),
  z.object({
    phase: assessmentPhaseSchema,
    withheld: z.literal(false),
    answered: z.number().int().min(0),
    areas: z.array(
      z.object({
        areaId: competenceAreaIdSchema,
        name: z.string(),
        average: z.number().min(1).max(5).nullable(),
        count: z.number().int().min(0),
      }),
    ),
  }),
]);
export const assessmentSummaryResponse: z.ZodType<AssessmentSummaryResponse> = z.object({
  minRespondents: z.number().int().positive(),
  phases: z.array(phaseSummary),
});

/** A 204 answer has no body; the fetch below reads it as `undefined`. */
const noContent = z.undefined();

// ---- Transport ----

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// Same failure mapping as api/client.ts's `request` (HttpError with the server's `field`,
// NetworkError, ResponseShapeError), extended with the write methods this API uses.
export type ProcessApi = ReturnType<typeof processApi>;

/** The group's process calls, bound to one group and the caller's token. */
export function processApi(groupId: GroupId, token: string) {
  const base = `/api/groups/${encodeURIComponent(groupId)}`;
  const get = <T>(path: string, schema: z.ZodType<T>) => request(base + path, schema, { token });
  const write = <T>(method: Exclude<Method, 'GET'>, path: string, schema: z.ZodType<T>, body?: unknown) =>
    request(base + path, schema, { method, token, ...(body !== undefined && { body }) });
  const id = encodeURIComponent;

  return {
    rotateLinks: () => write('POST', '/links/rotate', rotateLinksResponse),
    members: () => get('/participants', membersResponse).then((r) => r.members),
    removeMember: (participantId: ParticipantId) => write('DELETE', `/participants/${id(participantId)}`, noContent),
    meetings: () => get('/meetings', meetingsResponse).then((r) => r.meetings),
    summary: (meetingId: MeetingId) =>
      get(`/meetings/${id(meetingId)}/summary`, meetingSummaryResponse).then((r) => r.summary),

    settings: () => get('/settings', settingsResponse),
    setGroundRules: (rules: string[]) => write('PUT', '/ground-rules', settingsResponse, { rules }),
    setNextMeeting: (next: NextMeetingBody) => write('PUT', '/next-meeting', settingsResponse, next),
    setRetention: (deleteBoardsAfterDays: number | null) =>
      write('PUT', '/retention', settingsResponse, { deleteBoardsAfterDays }),

    goals: () => get('/goals', goalsResponse).then((r) => r.goals),
    addGoal: (text: string) => write('POST', '/goals', goal, { text }),
    editGoal: (goalId: GoalId, text: string) => write('PATCH', `/goals/${id(goalId)}`, goal, { text }),
    reorderGoals: (goalIds: GoalId[]) => write('PUT', '/goals/order', goalsResponse, { goalIds }).then((r) => r.goals),
    archiveGoal: (goalId: GoalId) => write('POST', `/goals/${id(goalId)}/archive`, goal),
    progressNotes: (goalId: GoalId) => get(`/goals/${id(goalId)}/progress`, progressNotesResponse).then((r) => r.notes),

    actionItems: (status: ActionItemFilter = 'all') =>
      get(`/action-items?status=${status}`, actionItemsResponse).then((r) => r.actionItems),
    addActionItem: (body: CreateActionItemBody) => write('POST', '/action-items', actionItem, body),
    updateActionItem: (itemId: ActionItemId, patch: UpdateActionItemBody) =>
      write('PATCH', `/action-items/${id(itemId)}`, actionItem, patch),

    competenceAreas: () => get('/competence-areas', competenceAreasResponse).then((r) => r.areas),
    setCompetenceAreas: (areas: CompetenceAreasBody['areas']) =>
      write('PUT', '/competence-areas', competenceAreasResponse, { areas }).then((r) => r.areas),
    myAssessments: () => get('/assessments/mine', ownAssessmentsResponse).then((r) => r.assessments),
    saveAssessment: (phase: AssessmentPhase, ratings: AssessmentBody['ratings']) =>
      write('PUT', `/assessments/mine/${phase}`, ownAssessment, { ratings }),
    assessmentSummary: () => get('/assessments/summary', assessmentSummaryResponse),
  };
}
