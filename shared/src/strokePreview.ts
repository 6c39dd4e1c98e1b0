// Stroke previews: the points a freehand stroke gained while it is still being drawn, sent over an
// ephemeral channel next to the board document instead of rewriting the whole record into it.
//
// A draw or highlight shape grows by a point per mouse move, and each write of it to the document
// carries the whole record: a watcher received ~240× the finished record's size while it was drawn.
// The drawer now writes the record at pen-down and at pen-up (and every few seconds as a safety net),
// and in between sends only the points appended since its last preview. The server checks a preview
// (writer only, a shape id, a bounded count of finite numbers, the connection's budget), relays it to
// the document's other connections and stores nothing. A peer draws it into its own store as a remote
// change that is never written back; the next record from the document replaces it.
//
// The frame is a y-websocket message of its own type (4; 0 sync, 1 awareness, 2 auth, 3 query):
//
//   varUint 4          message type
//   varString shapeId  `shape:` and 1–64 of [A-Za-z0-9_-] (tldraw's own ids; not a layout id)
//   varUint segment    index of the segment in props.segments
//   varUint kind       0 free, 1 straight
//   varUint dim        numbers per point: 2 (x, y) or 3 (x, y, pressure)
//   varUint from       index of the first point carried: the segment's points from there on are replaced
//   varUint count      how many numbers follow, a multiple of dim, at most maxNumbers
//   count × float32    the points, big-endian, relative to the shape like the record's own
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { LAYOUT_ID_PREFIX } from './boardDoc.js';

export const STROKE_PREVIEW_MESSAGE = 4;

export const strokePreviewBounds = {
  /** A stroke's segments (tldraw starts a new one for each shift-click straight line). */
  segments: 256,
  /** Points in one segment; tldraw starts a new shape long before this. */
  pointsPerSegment: 20_000,
  /** Numbers in one preview: 512 points of three numbers, far more than a tenth of a second draws. */
  maxNumbers: 1536,
} as const;

const shapeIdPattern = /^shape:[A-Za-z0-9_-]{1,64}$/;
const kinds = ['free', 'straight'] as const;

export const strokePreviewSchema = z
  .strictObject({
    shapeId: z
      .string()
      .regex(shapeIdPattern, 'not a shape id')
      .refine((id) => !id.startsWith(LAYOUT_ID_PREFIX), 'a layout shape is never drawn'),
    segment: z
      .number()
      .int()
      .min(0)
      .max(strokePreviewBounds.segments - 1),
    kind: z.enum(kinds),
    dim: z.union([z.literal(2), z.literal(3)]),
    from: z.number().int().min(0).max(strokePreviewBounds.pointsPerSegment),
    // z.number() refuses NaN and ±Infinity.
    points: z.array(z.number()).max(strokePreviewBounds.maxNumbers),
  })
  .refine((p) => p.points.length % p.dim === 0, 'points must be whole points')
  .refine((p) => p.from + p.points.length / p.dim <= strokePreviewBounds.pointsPerSegment, 'segment too long');
export type StrokePreview = z.infer<typeof strokePreviewSchema>;

export function encodeStrokePreview(preview: StrokePreview): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, STROKE_PREVIEW_MESSAGE);
  encoding.writeVarString(encoder, preview.shapeId);
  encoding.writeVarUint(encoder, preview.segment);
  encoding.writeVarUint(encoder, kinds.indexOf(preview.kind));
  encoding.writeVarUint(encoder, preview.dim);
  encoding.writeVarUint(encoder, preview.from);
  encoding.writeVarUint(encoder, preview.points.length);
  for (const n of preview.points) encoding.writeFloat32(encoder, n);
  return encoding.toUint8Array(encoder);
}

/**
 * Reads a preview's body (the message type already read). Throws on a truncated or malformed body
 * and on any value out of bounds; the count is checked before any point is read.
 */
export function decodeStrokePreview(decoder: decoding.Decoder): StrokePreview {
  const shapeId = decoding.readVarString(decoder);
  const segment = decoding.readVarUint(decoder);
  const kind = kinds[decoding.readVarUint(decoder)];
  const dim = decoding.readVarUint(decoder);
  const from = decoding.readVarUint(decoder);
  const count = decoding.readVarUint(decoder);
  if (count > strokePreviewBounds.maxNumbers) throw new Error(`${count} numbers in one preview`);
  const points: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++) points[i] = decoding.readFloat32(decoder);
  return strokePreviewSchema.parse({ shapeId, segment, kind, dim, from, points });
}
