// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { radarPoint, ringPoints, seriesPoints, spokeAngle, type RadarFrame } from './radarGeometry.js';

const frame: RadarFrame = { cx: 100, cy: 100, radius: 80, min: 1, max: 5 };

describe('radar chart geometry', () => {
  it('starts the first spoke straight up and goes clockwise', () => {
    expect(spokeAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    expect(spokeAngle(1, 4)).toBeCloseTo(0);
    const top = radarPoint(frame, 0, 4, 5);
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(20);
    const right = radarPoint(frame, 1, 4, 5);
    expect(right.x).toBeCloseTo(180);
    expect(right.y).toBeCloseTo(100);
  });

  it('keeps the lowest rating off the centre and grows with the rating', () => {
    const distance = (v: number) => {
      const p = radarPoint(frame, 0, 5, v);
      return Math.hypot(p.x - frame.cx, p.y - frame.cy);
    };
    expect(distance(1)).toBeGreaterThan(0);
    for (let v = 1; v < 5; v++) expect(distance(v + 1)).toBeGreaterThan(distance(v));
    expect(distance(5)).toBeCloseTo(frame.radius);
  });

  it('clamps values outside the scale onto the chart', () => {
    expect(radarPoint(frame, 2, 5, 9)).toEqual(radarPoint(frame, 2, 5, 5));
    expect(radarPoint(frame, 2, 5, -3)).toEqual(radarPoint(frame, 2, 5, 1));
  });

  it('writes one point per area and puts an unrated area at the centre', () => {
    expect(ringPoints(frame, 5, 3).split(' ')).toHaveLength(5);
    const points = seriesPoints(frame, [5, null, 5, 5]).split(' ');
    expect(points).toHaveLength(4);
    expect(points[1]).toBe('100,100');
    expect(points[0]).toBe('100,20');
  });
});
