// What the group may see of its self-assessments: per phase and competence area the average and the
// count, and only once enough distinct participants answered the phase. Below that the phase is
// withheld entirely, and an area rated by too few (someone skipped it) shows no average, because a
// small group's average of one or two answers is an individual's answer.
import {
  assessmentPhases,
  type AssessmentSummaryResponse,
  type CompetenceArea,
  type PhaseSummary,
} from '@vermeboard/shared';
import type { AssessmentAggregate } from '../storage/Storage.js';

export function summarizeAssessments(
  aggregate: AssessmentAggregate,
  areas: CompetenceArea[],
  minRespondents: number,
): AssessmentSummaryResponse {
  const phases = assessmentPhases.map((phase): PhaseSummary => {
    const answered = aggregate.respondents[phase] ?? 0;
    if (answered < minRespondents) return { phase, withheld: true, answered };
    return {
      phase,
      withheld: false,
      answered,
      areas: areas.map((area) => {
        const sums = aggregate.areas.find((a) => a.phase === phase && a.areaId === area.id);
        const count = sums?.count ?? 0;
        const average = sums && count >= minRespondents ? Math.round((sums.sum / count) * 100) / 100 : null;
        return { areaId: area.id, name: area.name, average, count };
      }),
    };
  });
  return { minRespondents, phases };
}
