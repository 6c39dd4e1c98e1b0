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
//   varString id       the shape id without its `shape:` prefix: 1–64 of [A-Za-z0-9_-], not a layout id
//   varUint head       segment × 4 + 2 if the segment is straight (0 free) + 1 if points have 3 numbers
//                      (x, y, pressure; else 2: x, y); segment is the index in props.segments
//   varUint from       index of the first point carried: the segment's points from there on are replaced
//   varUint count      how many numbers follow, a multiple of the numbers per point, at most maxNumbers
//   count × float32    the points, big-endian, relative to the shape like the record's own
//
// A stroke drawn slowly sends a point or two per preview, so the frame's fixed part is kept small.
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

const shapePrefix = 'shape:';
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
  encoding.writeVarString(encoder, preview.shapeId.slice(shapePrefix.length));
  encoding.writeVarUint(encoder, preview.segment * 4 + kinds.indexOf(preview.kind) * 2 + (preview.dim === 3 ? 1 : 0));
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
  const shapeId = shapePrefix + decoding.readVarString(decoder);
  const head = decoding.readVarUint(decoder);
  const segment = Math.floor(head / 4);
  const kind = kinds[(head >> 1) & 1];
  const dim = head & 1 ? 3 : 2;
  const from = decoding.readVarUint(decoder);
  const count = decoding.readVarUint(decoder);
  if (count > strokePreviewBounds.maxNumbers) throw new Error(`${count} numbers in one preview`);
  const points: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++) points[i] = decoding.readFloat32(decoder);
  return strokePreviewSchema.parse({ shapeId, segment, kind, dim, from, points });
}
