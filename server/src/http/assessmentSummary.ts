// What the group may see of its self-assessments. A phase's averages are released once, when the
// facilitator closes the phase with at least the group's threshold of answers, and frozen: live
// figures would let anyone difference two snapshots (n → n+1 answers) and read the newcomer's
// ratings. An area rated by fewer than the threshold (someone skipped it) has no average, because a
// small group's average of one or two answers is an individual's answer. Before the release only
// the facilitator sees progress, as "k of n answered"; nobody sees the figures.
import {
  assessmentPhases,
  type AssessmentPhase,
  type AssessmentSummaryResponse,
  type CompetenceArea,
  type PhaseSummary,
} from '@vermeboard/shared';
import type { AssessmentAggregate, AssessmentRelease } from '../storage/Storage.js';

/** The figures to freeze for a phase now, or null when it has fewer answers than `minRespondents`. */
export function releaseFigures(
  aggregate: AssessmentAggregate,
  areas: CompetenceArea[],
  phase: AssessmentPhase,
  minRespondents: number,
  releasedAt: string,
): AssessmentRelease | null {
  const answered = aggregate.respondents[phase] ?? 0;
  if (answered < minRespondents) return null;
  return {
    phase,
    releasedAt,
    answered,
    areas: areas.map((area) => {
      const sums = aggregate.areas.find((a) => a.phase === phase && a.areaId === area.id);
      const count = sums?.count ?? 0;
      const average = sums && count >= minRespondents ? Math.round((sums.sum / count) * 100) / 100 : null;
      return { areaId: area.id, name: area.name, average, count };
    }),
  };
}

export function summarizeAssessments(opts: {
  releases: AssessmentRelease[];
  aggregate: AssessmentAggregate;
  /** The group's current areas: a released area shows its current name. */
  areas: CompetenceArea[];
  minRespondents: number;
  /** Facilitators and members now in the group; null hides progress (everyone but the facilitator). */
  canAnswer: number | null;
}): AssessmentSummaryResponse {
  const { releases, aggregate, areas, minRespondents, canAnswer } = opts;
  const phases = assessmentPhases.map((phase): PhaseSummary => {
    const release = releases.find((r) => r.phase === phase);
    if (release) {
      return {
        phase,
        status: 'released',
        releasedAt: release.releasedAt,
        answered: release.answered,
        areas: release.areas.map((a) => ({ ...a, name: areas.find((c) => c.id === a.areaId)?.name ?? a.name })),
      };
    }
    if (canAnswer === null) return { phase, status: 'open' };
    const answered = aggregate.respondents[phase] ?? 0;
    return { phase, status: 'open', progress: { answered, of: Math.max(canAnswer, answered) } };
  });
  return { minRespondents, phases };
}
