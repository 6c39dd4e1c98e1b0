// Programs: several groups under one coordinator (DESIGN "Rooms and programs"). The coordinator
// sees figures the server computes from the database — meetings, attendance counts, who
// facilitated, open action items, released self-assessment averages — and never a group's board,
// notes or summaries, unless the group's facilitator shares a summary with the program.
//
// An encounter ("plaza") is a meeting of the program's own plaza group, which the coordinator
// facilitates: members of the invited groups open it with their own group tokens, guests join the
// plaza group through its member link.
import { z } from 'zod';
import { groupIdSchema, meetingIdSchema, participantIdSchema, type Brand } from '../ids.js';
import { limits } from '../limits.js';
import { assessmentPhaseSchema } from './assessments.js';
import { groupLocaleSchema } from './locale.js';
import { boundedText } from './text.js';

export type ProgramId = Brand<string, 'ProgramId'>;
export const programIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid id')
  .transform((s) => s as ProgramId);

export const programLimits = {
  /** Groups a program holds (members and open attach requests together). */
  groups: 50,
  /** Groups one encounter brings together. */
  encounterGroups: 20,
} as const;

/** The coordinator link's path: the token rides in the fragment, which no server or log sees. */
export const coordinatorPath = (token: string) => `/coordinate#${token}`;

export const createProgramBody = z.object({
  name: boundedText(limits.groupName),
  coordinatorName: boundedText(limits.displayName),
  /** Language of the plaza group's defaults; 'en' when absent. */
  locale: groupLocaleSchema.optional(),
});
export type CreateProgramBody = z.infer<typeof createProgramBody>;

export const createProgramResponseSchema = z.object({
  programId: programIdSchema,
  /** The coordinator's personal token: the program page and the plaza meetings hang on it. */
  coordinatorToken: z.string().min(1),
  coordinatorLink: z.string(),
  /** The plaza group, whose meetings are the program's encounters. */
  plazaGroupId: groupIdSchema,
  coordinatorId: participantIdSchema,
});
export type CreateProgramResponse = z.infer<typeof createProgramResponseSchema>;

/** A group the coordinator creates inside the program. */
export const createProgramGroupBody = z.object({
  name: boundedText(limits.groupName),
  locale: groupLocaleSchema.optional(),
});
export type CreateProgramGroupBody = z.infer<typeof createProgramGroupBody>;

/**
 * Only the facilitator link, to hand on: the group's facilitator joins through it and can rotate
 * the links, after which the coordinator's copy opens nothing.
 */
export const createProgramGroupResponseSchema = z.object({
  groupId: groupIdSchema,
  facilitatorLink: z.string(),
});
export type CreateProgramGroupResponse = z.infer<typeof createProgramGroupResponseSchema>;

/** Ask an existing group to join: by its id (the part after `/g/` of its address). */
export const attachRequestBody = z.object({ groupId: groupIdSchema });
export type AttachRequestBody = z.infer<typeof attachRequestBody>;

export const attachAnswerBody = z.object({ accept: z.boolean() });
export type AttachAnswerBody = z.infer<typeof attachAnswerBody>;

/**
 * Share one frame of the group's meeting board onto the running encounter's plaza board: the
 * frame's shape id (tldraw ids are `shape:` and a short key; layout frames carry dots).
 */
export const sharePlazaFrameBody = z.object({
  frameId: z
    .string()
    .max(120)
    .regex(/^shape:[A-Za-z0-9_.-]{1,100}$/, 'a frame’s shape id'),
});
export type SharePlazaFrameBody = z.infer<typeof sharePlazaFrameBody>;

/** Where the frame went, and how many records the share wrote (0 when it was shared unchanged before). */
export const sharePlazaFrameResponseSchema = z.object({
  encounterId: z.string(),
  copyId: z.string(),
  written: z.number().int().nonnegative(),
});
export type SharePlazaFrameResponse = z.infer<typeof sharePlazaFrameResponseSchema>;

export const createEncounterBody = z.object({
  groupIds: z
    .array(groupIdSchema)
    .min(1, 'choose at least one group')
    .max(programLimits.encounterGroups, `at most ${programLimits.encounterGroups} groups`),
});
export type CreateEncounterBody = z.infer<typeof createEncounterBody>;

export const createEncounterResponseSchema = z.object({ meetingId: meetingIdSchema, plazaGroupId: groupIdSchema });
export type CreateEncounterResponse = z.infer<typeof createEncounterResponseSchema>;

const count = z.number().int().min(0);

/** One meeting of a group as the program sees it: no content, only when, how many and who led. */
export const programMeetingSchema = z.object({
  id: meetingIdSchema,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** People (facilitator and members) in the meeting, from its stored summary; null before it ended. */
  attended: count.nullable(),
  /** Who facilitated: the summary's facilitator, else who started it; null when nobody is known. */
  facilitator: z.string().nullable(),
  /** The group's facilitator shared this meeting's summary with the program. */
  summaryShared: z.boolean(),
});
export type ProgramMeeting = z.infer<typeof programMeetingSchema>;

/** A phase's released average over every rated area, or null when no area had enough answers. */
export const programPhaseSchema = z.object({
  phase: assessmentPhaseSchema,
  answered: count,
  average: z.number().nullable(),
});
export type ProgramPhase = z.infer<typeof programPhaseSchema>;

export const programGroupSchema = z.object({
  groupId: groupIdSchema,
  name: z.string(),
  attachedAt: z.string(),
  /** Facilitators and members now in the group (observers and removed people left out). */
  members: count,
  meetings: z.array(programMeetingSchema),
  /** The next meeting the group agreed, when it has a date. */
  planned: z.object({ date: z.string(), time: z.string().nullable() }).nullable(),
  openActionItems: count,
  /** Released phases only, as the group sees them. */
  assessment: z.array(programPhaseSchema),
});
export type ProgramGroup = z.infer<typeof programGroupSchema>;

/** The program-wide figure of a phase: over every group that released it. */
export const programAssessmentSchema = programPhaseSchema.extend({ groups: count });
export type ProgramAssessment = z.infer<typeof programAssessmentSchema>;

export const encounterSchema = z.object({
  meetingId: meetingIdSchema,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  groupIds: z.array(groupIdSchema),
});
export type Encounter = z.infer<typeof encounterSchema>;

export const programResponseSchema = z.object({
  programId: programIdSchema,
  name: z.string(),
  coordinator: z.object({ id: participantIdSchema, displayName: z.string() }),
  plazaGroupId: groupIdSchema,
  /** Where guests join the plaza (its member link). */
  guestLink: z.string(),
  groups: z.array(programGroupSchema),
  /** Groups asked to join that have not answered; their names stay theirs until they accept. */
  pending: z.array(z.object({ groupId: groupIdSchema, requestedAt: z.string() })),
  assessment: z.array(programAssessmentSchema),
  encounters: z.array(encounterSchema),
});
export type ProgramResponse = z.infer<typeof programResponseSchema>;

/** A shared summary, as the coordinator reads it. */
export const sharedSummaryKeySchema = z.object({ groupId: groupIdSchema, meetingId: meetingIdSchema });

/** `GET /api/groups/:groupId/program`: the group's side of programs. */
export const groupProgramResponseSchema = z.object({
  program: z.object({ programId: programIdSchema, name: z.string(), coordinatorName: z.string() }).nullable(),
  /** Only for the facilitator: programs that asked the group to join. */
  requests: z.array(
    z.object({
      programId: programIdSchema,
      name: z.string(),
      coordinatorName: z.string(),
      requestedAt: z.string(),
    }),
  ),
  /** Encounters of the program that invited this group and are running: members open them with their own token. */
  /** With the names of the groups invited: who sees what a group shares into the plaza. */
  encounters: z.array(
    z.object({
      meetingId: meetingIdSchema,
      startedAt: z.string(),
      groupNames: z.array(z.string()).max(programLimits.encounterGroups),
    }),
  ),
  /** Only for the facilitator: meetings whose summary the program may read. */
  sharedMeetingIds: z.array(meetingIdSchema),
});
export type GroupProgramResponse = z.infer<typeof groupProgramResponseSchema>;
