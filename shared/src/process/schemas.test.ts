import { describe, expect, it } from 'vitest';
import { createActionItemBody, updateActionItemBody } from './actionItems.js';
import { assessmentBody } from './assessments.js';
import { progressNoteBody } from './goals.js';
import { defaultCompetenceAreas, defaultGroundRules, groupLocales } from './locale.js';
import { boundedText, isoDateSchema } from './text.js';

describe('process schemas', () => {
  it('cleans and bounds human text', () => {
    expect(boundedText(10).parse('  a\u0000b\tc  ')).toBe('abc');
    expect(boundedText(10, { multiline: true }).parse('a\nb')).toBe('a\nb');
    expect(boundedText(3).safeParse('abcd').success).toBe(false);
    expect(boundedText(3).safeParse('   ').success).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(isoDateSchema.safeParse('2028-02-29').success).toBe(true);
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-1', '2026-01-01T00:00:00Z', '']) {
      expect(isoDateSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('keeps progress notes multi-line and action items strict', () => {
    const meetingId = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect(progressNoteBody.parse({ meetingId, text: 'one\ntwo' }).text).toBe('one\ntwo');
    expect(createActionItemBody.safeParse({ meetingId, text: 'x', sourceShapeId: 'shape:abc_1' }).success).toBe(true);
    expect(updateActionItemBody.safeParse({ doneAt: '2026-01-01' }).success).toBe(false);
  });

  it('refuses a self-assessment that rates an area twice', () => {
    const areaId = 'BBBBBBBBBBBBBBBBBBBBBB';
    expect(assessmentBody.safeParse({ ratings: [{ areaId, rating: 3 }] }).success).toBe(true);
    expect(
      assessmentBody.safeParse({
        ratings: [
          { areaId, rating: 3 },
          { areaId, rating: 4 },
        ],
      }).success,
    ).toBe(false);
  });

  it('has the same number of defaults in every language', () => {
    for (const locale of groupLocales) {
      expect(defaultGroundRules[locale]).toHaveLength(defaultGroundRules.en.length);
      expect(defaultCompetenceAreas[locale]).toHaveLength(defaultCompetenceAreas.en.length);
    }
  });
});
