// @vitest-environment node
import type { CompetenceArea, CompetenceAreaId, OwnAssessment } from '@vermeboard/shared';
import { describe, expect, it } from 'vitest';
import { chartSeries, defaultPhase, ratingsOf, unratedAreas } from './assessment.js';

const area = (id: string, name: string): CompetenceArea => ({ id: id as CompetenceAreaId, name });
const areas = [area('areaAAAAAAAAAAAAAAAAAA', 'Planning'), area('areaBBBBBBBBBBBBBBBBBB', 'Funding')];
const [planning, funding] = areas as [CompetenceArea, CompetenceArea];
const answer = (phase: OwnAssessment['phase'], ...ratings: number[]): OwnAssessment => ({
  phase,
  ratings: ratings.map((rating, i) => ({ areaId: areas[i]!.id, rating })),
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('self-assessment logic', () => {
  it('opens on the start until it is answered, then on the latest answer', () => {
    expect(defaultPhase([])).toBe('start');
    expect(defaultPhase([answer('end', 4, 4)])).toBe('start');
    expect(defaultPhase([answer('start', 2, 2)])).toBe('start');
    expect(defaultPhase([answer('start', 2, 2), answer('mid', 3, 3)])).toBe('mid');
    expect(defaultPhase([answer('end', 4, 4), answer('start', 2, 2)])).toBe('end');
  });

  it('lists the areas still without a rating', () => {
    expect(unratedAreas(areas, {})).toEqual(areas);
    expect(unratedAreas(areas, { [planning.id]: 3 })).toEqual([funding]);
    expect(unratedAreas(areas, ratingsOf([answer('start', 2, 5)], 'start'))).toEqual([]);
  });

  it('builds the chart from the answered phases in process order', () => {
    const series = chartSeries(areas, [answer('end', 4, 5), answer('start', 2, 3)]);
    expect(series).toEqual([
      { phase: 'start', values: [2, 3] },
      { phase: 'end', values: [4, 5] },
    ]);
  });

  it('leaves a gap for an area added after the answer', () => {
    const later = [...areas, area('areaCCCCCCCCCCCCCCCCCC', 'Networks')];
    expect(chartSeries(later, [answer('start', 2, 3)])).toEqual([{ phase: 'start', values: [2, 3, null] }]);
  });
});
