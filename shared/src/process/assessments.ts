// Competence self-assessment: the group's competence areas and each participant's ratings (1–5) at
// the start, optionally mid-way, and at the end of the process. Individual answers go back only to
// their author; the group sees averages, and only once enough people answered a phase.
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

export const phaseSummarySchema = z.discriminatedUnion('withheld', [
  z.object({ phase: assessmentPhaseSchema, withheld: z.literal(true), answered: count }),
  z.object({
    phase: assessmentPhaseSchema,
    withheld: z.literal(false),
    answered: count,
    areas: z.array(areaAverageSchema),
  }),
]);
export type PhaseSummary = z.infer<typeof phaseSummarySchema>;

export const assessmentSummaryResponseSchema = z.object({
  /** Respondents needed before a phase's averages are shown. */
  minRespondents: z.number().int().positive(),
  phases: z.array(phaseSummarySchema),
});
export type AssessmentSummaryResponse = z.infer<typeof assessmentSummaryResponseSchema>;
