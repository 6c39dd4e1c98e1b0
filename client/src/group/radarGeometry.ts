// Geometry of the self-assessment radar chart: one spoke per competence area, ratings 1–5 along it.
// Pure functions, so the chart's shape is tested without a DOM.

export interface Point {
  x: number;
  y: number;
}

export interface RadarFrame {
  /** Centre of the chart. */
  cx: number;
  cy: number;
  /** Distance from the centre to the highest rating. */
  radius: number;
  /** Lowest and highest rating; the lowest sits a little off the centre so that it stays visible. */
  min: number;
  max: number;
}

/** The share of the radius left empty at the centre, so that a 1 is a small polygon, not a dot. */
const INNER = 0.12;

/** The angle of spoke `index` of `count`, starting straight up and going clockwise. */
export function spokeAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/** Where `value` lies on spoke `index`. Values outside min..max are clamped onto the chart. */
export function radarPoint(frame: RadarFrame, index: number, count: number, value: number): Point {
  const clamped = Math.min(frame.max, Math.max(frame.min, value));
  const share = INNER + ((1 - INNER) * (clamped - frame.min)) / (frame.max - frame.min);
  const angle = spokeAngle(index, count);
  return { x: frame.cx + frame.radius * share * Math.cos(angle), y: frame.cy + frame.radius * share * Math.sin(angle) };
}

/**
 * The polygon of one series as an SVG `points` attribute. An area the person did not rate (null,
 * e.g. added after they answered) is drawn at the centre: the shape stays closed without inventing a value.
 */
export function seriesPoints(frame: RadarFrame, values: readonly (number | null)[]): string {
  return values
    .map((v, i) => {
      const p = v === null ? ringPoint(frame, i, values.length, 0) : radarPoint(frame, i, values.length, v);
      return `${round(p.x)},${round(p.y)}`;
    })
    .join(' ');
}

/** The grid ring for `value` (e.g. 1…5) as an SVG `points` attribute. */
export function ringPoints(frame: RadarFrame, count: number, value: number): string {
  return Array.from({ length: count }, (_, i) => {
    const p = radarPoint(frame, i, count, value);
    return `${round(p.x)},${round(p.y)}`;
  }).join(' ');
}

/** A point at `share` of the radius on spoke `index`; 0 is the centre, 1 the outer ring. */
export function ringPoint(frame: RadarFrame, index: number, count: number, share: number): Point {
  const angle = spokeAngle(index, count);
  return { x: frame.cx + frame.radius * share * Math.cos(angle), y: frame.cy + frame.radius * share * Math.sin(angle) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
