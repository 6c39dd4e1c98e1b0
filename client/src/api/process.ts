// Calls to the group process API (README "Group process API"): goals, ground rules, the next meeting,
// members, link rotation, action items, competence areas, self-assessments and retention. Every
// answer is parsed against the shared contract before the UI sees it.
import {
  actionItemSchema,
  actionItemsResponseSchema,
  assessmentSummaryResponseSchema,
  competenceAreasResponseSchema,
  goalSchema,
  goalsResponseSchema,
  groupSettingsResponseSchema,
  meetingSummaryResponseSchema,
  meetingsResponseSchema,
  membersResponseSchema,
  ownAssessmentSchema,
  ownAssessmentsResponseSchema,
  progressNotesResponseSchema,
  rotateLinksResponseSchema,
  type ActionItemFilter,
  type ActionItemId,
  type AssessmentBody,
  type AssessmentPhase,
  type CompetenceAreasBody,
  type CreateActionItemBody,
  type GoalId,
  type GroupId,
  type MeetingId,
  type NextMeetingBody,
  type ParticipantId,
  type UpdateActionItemBody,
} from '@vermeboard/shared';
import { z } from 'zod';
import { request } from './client.js';

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
    rotateLinks: () => write('POST', '/links/rotate', rotateLinksResponseSchema),
    members: () => get('/participants', membersResponseSchema).then((r) => r.members),
    /** Also renews the invite links; the answer holds the new ones. */
    removeMember: (participantId: ParticipantId) =>
      write('DELETE', `/participants/${id(participantId)}`, rotateLinksResponseSchema),
    meetings: () => get('/meetings', meetingsResponseSchema).then((r) => r.meetings),
    summary: (meetingId: MeetingId) =>
      get(`/meetings/${id(meetingId)}/summary`, meetingSummaryResponseSchema).then((r) => r.summary),

    settings: () => get('/settings', groupSettingsResponseSchema),
    setGroundRules: (rules: string[]) => write('PUT', '/ground-rules', groupSettingsResponseSchema, { rules }),
    setNextMeeting: (next: NextMeetingBody) => write('PUT', '/next-meeting', groupSettingsResponseSchema, next),
    setRetention: (deleteBoardsAfterDays: number | null) =>
      write('PUT', '/retention', groupSettingsResponseSchema, { deleteBoardsAfterDays }),

    goals: () => get('/goals', goalsResponseSchema).then((r) => r.goals),
    addGoal: (text: string) => write('POST', '/goals', goalSchema, { text }),
    editGoal: (goalId: GoalId, text: string) => write('PATCH', `/goals/${id(goalId)}`, goalSchema, { text }),
    reorderGoals: (goalIds: GoalId[]) =>
      write('PUT', '/goals/order', goalsResponseSchema, { goalIds }).then((r) => r.goals),
    archiveGoal: (goalId: GoalId) => write('POST', `/goals/${id(goalId)}/archive`, goalSchema),
    progressNotes: (goalId: GoalId) =>
      get(`/goals/${id(goalId)}/progress`, progressNotesResponseSchema).then((r) => r.notes),

    actionItems: (status: ActionItemFilter = 'all') =>
      get(`/action-items?status=${status}`, actionItemsResponseSchema).then((r) => r.actionItems),
    addActionItem: (body: CreateActionItemBody) => write('POST', '/action-items', actionItemSchema, body),
    updateActionItem: (itemId: ActionItemId, patch: UpdateActionItemBody) =>
      write('PATCH', `/action-items/${id(itemId)}`, actionItemSchema, patch),

    competenceAreas: () => get('/competence-areas', competenceAreasResponseSchema).then((r) => r.areas),
    setCompetenceAreas: (areas: CompetenceAreasBody['areas']) =>
      write('PUT', '/competence-areas', competenceAreasResponseSchema, { areas }).then((r) => r.areas),
    myAssessments: () => get('/assessments/mine', ownAssessmentsResponseSchema).then((r) => r.assessments),
    saveAssessment: (phase: AssessmentPhase, ratings: AssessmentBody['ratings']) =>
      write('PUT', `/assessments/mine/${phase}`, ownAssessmentSchema, { ratings }),
    assessmentSummary: () => get('/assessments/summary', assessmentSummaryResponseSchema),
    /** Closes a phase: its averages are shown to the group from now on and never change. */
    releaseAssessment: (phase: AssessmentPhase) =>
      write('POST', `/assessments/${phase}/release`, assessmentSummaryResponseSchema),
    setAssessmentThreshold: (minRespondents: number) =>
      write('PUT', '/assessments/threshold', assessmentSummaryResponseSchema, { minRespondents }),
  };
}
