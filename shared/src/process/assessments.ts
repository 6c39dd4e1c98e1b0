// Competence self-assessment: the group's competence areas and each participant's ratings (1–5) at
// the start, optionally mid-way, and at the end of the process. Individual answers go back only to
// their author. The group sees a phase's averages once: when the facilitator closes the phase with
// enough answers, the figures are computed and frozen, so no two snapshots differ by one person's
// answer. Until then only the facilitator sees how many have answered.
import { z } from 'zod';
import type { CompetenceAreaId } from './ids.js';
import { competenceAreaIdSchema } from './ids.js';
import { processLimits } from './limits.js';
import { boundedText } from './text.js';

export const assessmentPhases = ['start', 'mid', 'end'] as const;
export const assessmentPhaseSchema = z.enum(assessmentPhases);
export type AssessmentPhase = z.infer<typeof assessmentPhaseSchema>;

export interface CompetenceArea {
  id: CompetenceAreaId;
  name: string;
}

export interface CompetenceAreasResponse {
  areas: CompetenceArea[];
}

/** The whole list in order; an entry with an id renames that area, one without adds an area. */
export const competenceAreasBody = z.object({
  areas: z
    .array(z.object({ id: competenceAreaIdSchema.optional(), name: boundedText(processLimits.competenceAreaName) }))
    .min(1, 'keep at least one competence area')
    .max(processLimits.competenceAreas, `at most ${processLimits.competenceAreas} competence areas`),
});
export type CompetenceAreasBody = z.infer<typeof competenceAreasBody>;

export const ratingSchema = z.number().int('must be a whole number').min(1).max(5);

export const assessmentBody = z.object({
  ratings: z
    .array(z.object({ areaId: competenceAreaIdSchema, rating: ratingSchema }))
    .min(1)
    .max(processLimits.competenceAreas)
    .refine((rs) => new Set(rs.map((r) => r.areaId)).size === rs.length, 'rate each area once'),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

export interface Rating {
  areaId: CompetenceAreaId;
  rating: number;
}

export interface OwnAssessment {
  phase: AssessmentPhase;
  ratings: Rating[];
  updatedAt: string;
}

export interface OwnAssessmentsResponse {
  assessments: OwnAssessment[];
}

export interface AreaAverage {
  areaId: CompetenceAreaId;
  name: string;
  /** Null when fewer than the minimum respondents rated this area (it would reveal answers). */
  average: number | null;
  count: number;
}

/** "k of n answered": the facilitator's view of an open phase (n counts current facilitators and members). */
export interface PhaseProgress {
  answered: number;
  of: number;
}

export type PhaseSummary =
  | { phase: AssessmentPhase; status: 'open'; progress?: PhaseProgress }
  | { phase: AssessmentPhase; status: 'released'; releasedAt: string; answered: number; areas: AreaAverage[] };

export interface AssessmentSummaryResponse {
  /** Answers a phase needs before the facilitator can release its averages (the group's threshold). */
  minRespondents: number;
  phases: PhaseSummary[];
}

/** The group's release threshold: never below the product's minimum, raised per group. */
export const assessmentThresholdBody = z.object({
  minRespondents: z
    .number()
    .int('must be a whole number')
    .min(processLimits.assessmentMinRespondents, `at least ${processLimits.assessmentMinRespondents}`)
    .max(processLimits.assessmentMaxThreshold, `at most ${processLimits.assessmentMaxThreshold}`),
});
export type AssessmentThresholdBody = z.infer<typeof assessmentThresholdBody>;
