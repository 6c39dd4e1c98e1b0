// The points of a freehand stroke still being drawn, as stroke previews carry them (protocol:
// shared/src/strokePreview.ts): what the drawer sends (`strokePreviews`: the difference between a
// live stroke and what peers were last sent) and how a peer applies one (`applyStrokePreview`).
import { b64Vecs, type TLDrawShape, type TLHighlightShape, type TLRecord, type VecModel } from 'tldraw';
import { strokePreviewBounds, type StrokePreview } from '@vermeboard/shared';

export type StrokeShape = TLDrawShape | TLHighlightShape;
type Segment = StrokeShape['props']['segments'][number];

/** A stroke still being drawn: a draw or highlight shape whose `isComplete` is false. */
export function isLiveStroke(record: TLRecord): record is StrokeShape {
  return (
    record.typeName === 'shape' &&
    (record.type === 'draw' || record.type === 'highlight') &&
    (record.props as { isComplete?: unknown }).isComplete === false
  );
}

/** One segment as its points: what a peer holds of it. */
export interface SentSegment {
  kind: Segment['type'];
  dim: 2 | 3;
  points: VecModel[];
}

const dimOf = (segment: Segment): 2 | 3 => (segment.dim === 2 ? 2 : 3);

export function segmentsOf(record: StrokeShape): SentSegment[] {
  return record.props.segments.map((segment) => ({
    kind: segment.type,
    dim: dimOf(segment),
    points: b64Vecs.decodePoints(segment.path, dimOf(segment)),
  }));
}

const samePoint = (a: VecModel, b: VecModel, dim: 2 | 3) =>
  a.x === b.x && a.y === b.y && (dim === 2 || (a.z ?? 0.5) === (b.z ?? 0.5));

/**
 * The previews that turn `sent` into `record`'s segments, or null when only a document write can
 * (a segment went away). Returns the record's segments as the new `sent` alongside.
 */
export function strokePreviews(
  record: StrokeShape,
  sent: readonly SentSegment[],
): { previews: StrokePreview[]; sent: SentSegment[] } | null {
  const current = segmentsOf(record);
  if (current.length < sent.length) return null;
  const previews: StrokePreview[] = [];
  current.forEach((segment, index) => {
    const before = sent[index];
    let from = 0;
    if (before && before.kind === segment.kind && before.dim === segment.dim) {
      const common = Math.min(before.points.length, segment.points.length);
      while (from < common && samePoint(before.points[from]!, segment.points[from]!, segment.dim)) from++;
      if (from === segment.points.length && from === before.points.length) return;
    }
    const perPreview = Math.floor(strokePreviewBounds.maxNumbers / segment.dim);
    do {
      const chunk = segment.points.slice(from, from + perPreview);
      previews.push({
        shapeId: record.id,
        segment: index,
        kind: segment.kind,
        dim: segment.dim,
        from,
        points: chunk.flatMap((p) => (segment.dim === 2 ? [p.x, p.y] : [p.x, p.y, p.z ?? 0.5])),
      });
      from += chunk.length;
    } while (from < segment.points.length);
  });
  return { previews, sent: current };
}

/** `record` with one preview applied, or null when it does not follow on from what the record holds. */
export function applyStrokePreview(record: StrokeShape, preview: StrokePreview): StrokeShape | null {
  const segments = record.props.segments;
  if (preview.segment > segments.length) return null;
  const segment = segments[preview.segment];
  const same = segment && segment.type === preview.kind && dimOf(segment) === preview.dim;
  const held = same ? b64Vecs.decodePoints(segment.path, preview.dim) : [];
  if (preview.from > held.length) return null;
  const points = held.slice(0, preview.from);
  const n = preview.points;
  for (let i = 0; i < n.length; i += preview.dim) {
    points.push(preview.dim === 2 ? { x: n[i]!, y: n[i + 1]! } : { x: n[i]!, y: n[i + 1]!, z: n[i + 2]! });
  }
  const path = b64Vecs.encodePoints(points, preview.dim);
  const next: Segment = preview.dim === 2 ? { type: preview.kind, path, dim: 2 } : { type: preview.kind, path };
  const nextSegments = [...segments];
  nextSegments[preview.segment] = next;
  return { ...record, props: { ...record.props, segments: nextSegments } } as StrokeShape;
}

/** How many points a stroke's segments hold. */
export function pointCount(record: StrokeShape): number {
  return segmentsOf(record).reduce((n, s) => n + s.points.length, 0);
}
