// tldraw's own record schema at the pinned version, run on the server: the same validators and
// migrations the browsers' stores use (tldraw's default shapes, bindings and assets, as
// client/src/board/boardStore.ts registers them), so a record the server accepts is one every
// browser accepts.
import type { SerializedSchema } from '@tldraw/store';
import { createTLSchema, type TLRecord } from '@tldraw/tlschema';

export const tldrawSchema = createTLSchema();

/** The serialised schema written into every board's meta. */
export const serializedTldrawSchema: SerializedSchema = tldrawSchema.serialize();

/** Record types that belong in a board document; the rest (camera, instance, presence…) are one browser's own. */
const documentTypes = new Set(
  Object.values(tldrawSchema.types)
    .filter((type) => type.scope === 'document')
    .map((type) => type.typeName),
);

export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}

/** Checks one record from a browser against tldraw's validator for its type; throws InvalidRecordError. */
export function validateBoardRecord(value: Record<string, unknown>): TLRecord {
  const typeName = value.typeName;
  if (typeof typeName !== 'string' || !documentTypes.has(typeName as TLRecord['typeName'])) {
    throw new InvalidRecordError(`records of type ${String(typeName).slice(0, 40)} do not belong on a board`);
  }
  const type = tldrawSchema.types[typeName as TLRecord['typeName']];
  try {
    return type.validate(value) as TLRecord;
  } catch (err) {
    throw new InvalidRecordError(err instanceof Error ? err.message.slice(0, 200) : 'invalid record');
  }
}
