// Keeps the board document's schema in step with this client's on load: an empty document gets
// this client's schema, an older one is migrated in place, and a newer one is left untouched and
// reported so that the board opens read-only (writing old-format records into a newer document
// would corrupt it for the clients that made it).
import type * as Y from 'yjs';
import type { SerializedSchema, SerializedSchemaV2, TLRecord, TLSchema } from 'tldraw';
import { BOARD_SCHEMA_VERSION, META_SCHEMA_VERSION, META_TLDRAW_SCHEMA } from '@vermeboard/shared';
import type { BoardDocument } from './boardDocument.js';

export type SchemaCheck =
  /** The document already matches this client. */
  | { kind: 'current' }
  /** The document was empty; this client's schema was written. */
  | { kind: 'initialised' }
  /** The document was older; its records were migrated and written back. */
  | { kind: 'migrated'; records: number }
  /** The document is newer than this client understands: open read-only. */
  | { kind: 'newer'; by: 'vermeboard' | 'tldraw' }
  /** The document's schema could not be read or migrated: open read-only rather than risk damage. */
  | { kind: 'unreadable' };

/** Transaction origin of schema writes. Distinct from the record binding's origin, so a bound
 * store receives migrated records like any other remote change. */
export const schemaMigrationOrigin = { name: 'vermeboard:schema-migration' } as const;

export type SchemaOrder = 'same' | 'older' | 'newer' | 'unreadable';

/** Where the document's serialised tldraw schema stands relative to ours. */
export function compareTldrawSchemas(ours: SerializedSchemaV2, theirs: unknown): SchemaOrder {
  // A serialisation format after v2 can only come from a newer tldraw.
  if (typeof theirs === 'object' && theirs !== null) {
    const { schemaVersion } = theirs as { schemaVersion?: unknown };
    if (typeof schemaVersion === 'number' && schemaVersion > 2) return 'newer';
  }
  const parsed = parseSerializedSchema(theirs);
  if (!parsed) return 'unreadable';
  // Version 1 is tldraw's pre-2024 format; getMigrationsSince upgrades it.
  if (parsed.schemaVersion === 1) return 'older';
  let order: SchemaOrder = 'same';
  for (const [sequenceId, version] of Object.entries(parsed.sequences)) {
    const ourVersion = ours.sequences[sequenceId];
    // A sequence we have never heard of was added by a newer tldraw.
    if (ourVersion === undefined || version > ourVersion) return 'newer';
    if (version < ourVersion) order = 'older';
  }
  for (const sequenceId of Object.keys(ours.sequences)) {
    if (!(sequenceId in parsed.sequences)) order = 'older';
  }
  return order;
}

export function ensureBoardSchema(board: BoardDocument, schema: TLSchema): SchemaCheck {
  const { doc, meta, records } = board;
  const docVersion = meta.get(META_SCHEMA_VERSION);
  if (docVersion !== undefined && (typeof docVersion !== 'number' || !Number.isInteger(docVersion))) {
    return { kind: 'unreadable' };
  }
  if (typeof docVersion === 'number' && docVersion > BOARD_SCHEMA_VERSION) {
    return { kind: 'newer', by: 'vermeboard' };
  }

  const ours = schema.serialize();
  const docSchema = meta.get(META_TLDRAW_SCHEMA);
  if (docSchema === undefined) {
    // An empty document, or records written before any meta arrived: either way they are
    // this client's format as far as anyone can tell, and each is validated when it is read.
    writeMeta(doc, meta, ours);
    return { kind: 'initialised' };
  }

  const order = compareTldrawSchemas(ours, docSchema);
  if (order === 'newer') return { kind: 'newer', by: 'tldraw' };
  if (order === 'unreadable') return { kind: 'unreadable' };
  if (order === 'same') {
    // No Vermeboard layout migrations exist yet (version 1); a missing number is just filled in.
    if (docVersion !== BOARD_SCHEMA_VERSION) writeMeta(doc, meta, ours);
    return { kind: 'current' };
  }

  const before = new Map<string, TLRecord>();
  for (const [id, entry] of records.map) {
    if (isRecordLike(entry.val, id)) before.set(id, entry.val as TLRecord);
  }
  const result = schema.migrateStoreSnapshot({
    store: Object.fromEntries(before) as Record<TLRecord['id'], TLRecord>,
    schema: docSchema as SerializedSchema,
  });
  if (result.type === 'error') {
    console.warn('[board] could not migrate the board document:', result.reason);
    return { kind: 'unreadable' };
  }
  const after = result.value as Record<string, TLRecord>;
  let written = 0;
  doc.transact(() => {
    for (const [id, record] of Object.entries(after)) {
      if (before.get(id) !== record) {
        records.set(id, record);
        written++;
      }
    }
    for (const id of before.keys()) {
      if (!(id in after)) {
        records.delete(id);
        written++;
      }
    }
    writeMeta(doc, meta, ours);
  }, schemaMigrationOrigin);
  return { kind: 'migrated', records: written };
}

function writeMeta(doc: Y.Doc, meta: Y.Map<unknown>, ours: SerializedSchemaV2): void {
  doc.transact(() => {
    meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION);
    meta.set(META_TLDRAW_SCHEMA, ours);
  }, schemaMigrationOrigin);
}

function parseSerializedSchema(value: unknown): SerializedSchema | null {
  if (typeof value !== 'object' || value === null) return null;
  const { schemaVersion } = value as { schemaVersion?: unknown };
  if (schemaVersion === 1) {
    const { storeVersion, recordVersions } = value as { storeVersion?: unknown; recordVersions?: unknown };
    if (typeof storeVersion !== 'number' || typeof recordVersions !== 'object' || recordVersions === null) {
      return null;
    }
    return value as SerializedSchema;
  }
  if (schemaVersion !== 2) return null;
  const { sequences } = value as { sequences?: unknown };
  if (typeof sequences !== 'object' || sequences === null) return null;
  for (const version of Object.values(sequences)) {
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return null;
  }
  return { schemaVersion: 2, sequences: sequences as Record<string, number> };
}

function isRecordLike(value: unknown, id: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { id?: unknown }).id === id &&
    typeof (value as { typeName?: unknown }).typeName === 'string'
  );
}
