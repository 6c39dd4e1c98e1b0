// The logic behind the self-assessment form and chart, kept apart from the components so that it is
// tested without a DOM: which phase to offer, what is still unrated, and the chart's series.
import {
  assessmentPhases,
  type AssessmentPhase,
  type CompetenceArea,
  type CompetenceAreaId,
  type OwnAssessment,
} from '@vermeboard/shared';

export type Ratings = Partial<Record<CompetenceAreaId, number>>;

/**
 * The phase the form opens on: the start while it is unanswered, otherwise the latest answered
 * phase (to review or update it). Mid-way and end are chosen by the person, not guessed.
 */
export function defaultPhase(assessments: readonly OwnAssessment[]): AssessmentPhase {
  const answered = new Set(assessments.map((a) => a.phase));
  if (!answered.has('start')) return 'start';
  return [...assessmentPhases].reverse().find((p) => answered.has(p)) ?? 'start';
}

/** A phase's saved ratings as form state; areas retired since then are left out. */
export function ratingsOf(assessments: readonly OwnAssessment[], phase: AssessmentPhase): Ratings {
  const ratings: Ratings = {};
  for (const r of assessments.find((a) => a.phase === phase)?.ratings ?? []) ratings[r.areaId] = r.rating;
  return ratings;
}

/** Areas the form has no rating for yet; saving waits until this is empty. */
export function unratedAreas(areas: readonly CompetenceArea[], ratings: Ratings): CompetenceArea[] {
  return areas.filter((a) => ratings[a.id] === undefined);
}

export interface Series {
  phase: AssessmentPhase;
  /** One value per area, in the areas' order; null where this phase has no rating for the area. */
  values: (number | null)[];
}

/** The chart's series: every answered phase in process order (start, mid, end). */
export function chartSeries(areas: readonly CompetenceArea[], assessments: readonly OwnAssessment[]): Series[] {
  return assessmentPhases
    .filter((phase) => assessments.some((a) => a.phase === phase))
    .map((phase) => {
      const ratings = ratingsOf(assessments, phase);
      return { phase, values: areas.map((a) => ratings[a.id] ?? null) };
    });
}
