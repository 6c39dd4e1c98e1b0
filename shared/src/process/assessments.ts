// Competence self-assessment: the group's competence areas and each participant's ratings (1–5) at
// the start, optionally mid-way, and at the end of the process. Individual answers go back only to
// their author. The group sees a phase's averages once: when the facilitator closes the phase with
// enough answers, the figures are computed and frozen, so no two snapshots differ by one person's
// answer. Until then only the facilitator sees how many have answered.
import { z } from 'zod';
import { competenceAreaIdSchema } from './ids.js';
import { processLimits } from './limits.js';
import { boundedText } from './text.js';

export const assessmentPhases = ['start', 'mid', 'end'] as const;
export const assessmentPhaseSchema = z.enum(assessmentPhases);
export type AssessmentPhase = z.infer<typeof assessmentPhaseSchema>;

export const competenceAreaSchema = z.object({ id: competenceAreaIdSchema, name: z.string() });
export type CompetenceArea = z.infer<typeof competenceAreaSchema>;

export const competenceAreasResponseSchema = z.object({ areas: z.array(competenceAreaSchema) });
export type CompetenceAreasResponse = z.infer<typeof competenceAreasResponseSchema>;

/** The whole list in order; an entry with an id renames that area, one without adds an area. */
export const competenceAreasBody = z.object({
  areas: z
    .array(z.object({ id: competenceAreaIdSchema.optional(), name: boundedText(processLimits.competenceAreaName) }))
    .min(1, 'keep at least one competence area')
    .max(processLimits.competenceAreas, `at most ${processLimits.competenceAreas} competence areas`),
});
export type CompetenceAreasBody = z.infer<typeof competenceAreasBody>;

export const ratingSchema = z.number().int('must be a whole number').min(1).max(5);
export const ratingEntrySchema = z.object({ areaId: competenceAreaIdSchema, rating: ratingSchema });
export type Rating = z.infer<typeof ratingEntrySchema>;

export const assessmentBody = z.object({
  ratings: z
    .array(ratingEntrySchema)
    .min(1)
    .max(processLimits.competenceAreas)
    .refine((rs) => new Set(rs.map((r) => r.areaId)).size === rs.length, 'rate each area once'),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

export const ownAssessmentSchema = z.object({
  phase: assessmentPhaseSchema,
  ratings: z.array(ratingEntrySchema),
  updatedAt: z.string(),
});
export type OwnAssessment = z.infer<typeof ownAssessmentSchema>;

export const ownAssessmentsResponseSchema = z.object({ assessments: z.array(ownAssessmentSchema) });
export type OwnAssessmentsResponse = z.infer<typeof ownAssessmentsResponseSchema>;

const count = z.number().int().min(0);

export const areaAverageSchema = z.object({
  areaId: competenceAreaIdSchema,
  name: z.string(),
  /** Null when fewer than the minimum respondents rated this area (it would reveal answers). */
  average: z.number().min(1).max(5).nullable(),
  count,
});
export type AreaAverage = z.infer<typeof areaAverageSchema>;

/** "k of n answered": the facilitator's view of an open phase (n counts current facilitators and members). */
export const phaseProgressSchema = z.object({ answered: count, of: count });
export type PhaseProgress = z.infer<typeof phaseProgressSchema>;

export const phaseSummarySchema = z.discriminatedUnion('status', [
  z.object({ phase: assessmentPhaseSchema, status: z.literal('open'), progress: phaseProgressSchema.optional() }),
  z.object({
    phase: assessmentPhaseSchema,
    status: z.literal('released'),
    releasedAt: z.string(),
    answered: count,
    areas: z.array(areaAverageSchema),
  }),
]);
export type PhaseSummary = z.infer<typeof phaseSummarySchema>;

export const assessmentSummaryResponseSchema = z.object({
  /** Answers a phase needs before the facilitator can release its averages (the group's threshold). */
  minRespondents: z.number().int().positive(),
  phases: z.array(phaseSummarySchema),
});
export type AssessmentSummaryResponse = z.infer<typeof assessmentSummaryResponseSchema>;

/** The group's release threshold: never below the product's minimum, raised per group. */
export const assessmentThresholdBody = z.object({
  minRespondents: z
    .number()
    .int('must be a whole number')
    .min(processLimits.assessmentMinRespondents, `at least ${processLimits.assessmentMinRespondents}`)
    .max(processLimits.assessmentMaxThreshold, `at most ${processLimits.assessmentMaxThreshold}`),
});
export type AssessmentThresholdBody = z.infer<typeof assessmentThresholdBody>;
