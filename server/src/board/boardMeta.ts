// The board document's meta is the server's: when it loads a board it writes the schema into a new
// one and migrates an older one, in ordered steps, in one server transaction. A document it cannot
// read (a newer Vermeboard's, a newer tldraw's, or garbage) is left exactly as it is and frozen:
// kept, logged, and refused for writing, never reset.
//
// Vermeboard's own versions (shared/src/boardDoc.ts):
//   1 → 2  stars and action marks move from each record's meta into the server's `marks` map, and
//          the authors the records name seed the `authors` map (the only record of who wrote them)
import type * as Y from 'yjs';
import {
  BOARD_AUTHORS,
  BOARD_MARKS,
  BOARD_META,
  BOARD_RECORDS,
  BOARD_SCHEMA_VERSION,
  boardActionMetaSchema,
  compareTldrawSchemas,
  META_SCHEMA_VERSION,
  META_TLDRAW_SCHEMA,
  PRIVATE_META,
  SHAPE_META,
  type NoteMarks,
  type SerializedSchemaSequences,
} from '@vermeboard/shared';
import type { SerializedSchema } from '@tldraw/store';
import type { TLRecord } from '@tldraw/tlschema';
import { readRecords, setRecords } from '../facilitation/boardRecords.js';
import { serializedTldrawSchema, tldrawSchema } from './tldrawSchema.js';

export type BoardMetaOutcome =
  | { kind: 'current' }
  | { kind: 'initialised' }
  | { kind: 'migrated'; from: number; records: number }
  /** Unreadable or newer than this server: frozen as it is. */
  | { kind: 'frozen'; reason: string };

interface Migration {
  to: number;
  migrate(doc: Y.Doc): number;
}

const migrations: Migration[] = [{ to: 2, migrate: marksAndAuthorsOutOfRecords }];

/** Brings a loaded board's meta to this server's versions. Call inside one server transaction. */
export function prepareBoardMeta(doc: Y.Doc): BoardMetaOutcome {
  const meta = doc.getMap<unknown>(BOARD_META);
  const records = doc.getArray(BOARD_RECORDS);
  const stored = meta.get(META_SCHEMA_VERSION);
  if (stored === undefined && records.length === 0) {
    writeMeta(meta);
    return { kind: 'initialised' };
  }
  // A board with records but no meta was written by a browser of version 1, which wrote meta itself.
  const version = stored ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'frozen', reason: 'the board schema version is unreadable' };
  }
  if (version > BOARD_SCHEMA_VERSION) return { kind: 'frozen', reason: `board schema ${version} is newer` };

  const order = compareTldrawSchemas(
    serializedTldrawSchema as SerializedSchemaSequences,
    meta.get(META_TLDRAW_SCHEMA) ?? serializedTldrawSchema,
  );
  if (order === 'newer') return { kind: 'frozen', reason: 'the tldraw schema is newer' };
  if (order === 'unreadable') return { kind: 'frozen', reason: 'the tldraw schema is unreadable' };

  let written = 0;
  if (order === 'older') {
    const migrated = migrateTldrawRecords(doc, meta.get(META_TLDRAW_SCHEMA) as SerializedSchema);
    if (migrated === null) return { kind: 'frozen', reason: 'the records could not be migrated' };
    written += migrated;
  }
  for (const step of migrations) if (step.to > version) written += step.migrate(doc);
  if (version === BOARD_SCHEMA_VERSION && order === 'same') return { kind: 'current' };
  writeMeta(meta);
  return { kind: 'migrated', from: version, records: written };
}

function writeMeta(meta: Y.Map<unknown>): void {
  meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION);
  meta.set(META_TLDRAW_SCHEMA, serializedTldrawSchema);
}

function migrateTldrawRecords(doc: Y.Doc, from: SerializedSchema): number | null {
  const before = new Map<string, TLRecord>();
  for (const [id, val] of readRecords(doc)) if (isRecordLike(val, id)) before.set(id, val as TLRecord);
  const result = tldrawSchema.migrateStoreSnapshot({
    store: Object.fromEntries(before) as Record<TLRecord['id'], TLRecord>,
    schema: from,
  });
  if (result.type === 'error') return null;
  const after = result.value as Record<string, TLRecord>;
  const changed = new Map<string, unknown>();
  for (const [id, record] of Object.entries(after)) if (before.get(id) !== record) changed.set(id, record);
  setRecords(doc, changed);
  return changed.size;
}

function marksAndAuthorsOutOfRecords(doc: Y.Doc): number {
  const marks = doc.getMap<NoteMarks>(BOARD_MARKS);
  const authors = doc.getMap<string>(BOARD_AUTHORS);
  const rewritten = new Map<string, unknown>();
  for (const [id, val] of readRecords(doc)) {
    if (!isRecordLike(val, id)) continue;
    const record = val as { typeName: string; meta?: Record<string, unknown> };
    const meta = record.meta ?? {};
    const author = meta[PRIVATE_META.author];
    if (record.typeName === 'shape' && typeof author === 'string' && !authors.has(id)) authors.set(id, author);
    const starred = meta[SHAPE_META.starred] === true;
    const action = boardActionMetaSchema.safeParse(meta[SHAPE_META.action]);
    if (!(SHAPE_META.starred in meta) && !(SHAPE_META.action in meta)) continue;
    const mark: NoteMarks = {};
    if (starred) mark.starredBy = null;
    if (action.success && meta[SHAPE_META.action] !== undefined) {
      mark.action = {
        ownerParticipantId: action.data.ownerParticipantId ?? null,
        dueDate: action.data.dueDate ?? null,
        markedBy: null,
      };
    }
    if (mark.starredBy !== undefined || mark.action !== undefined) marks.set(id, mark);
    const rest = { ...meta };
    delete rest[SHAPE_META.starred];
    delete rest[SHAPE_META.action];
    rewritten.set(id, { ...record, meta: rest });
  }
  setRecords(doc, rewritten);
  return rewritten.size;
}

function isRecordLike(value: unknown, id: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { id?: unknown }).id === id &&
    typeof (value as { typeName?: unknown }).typeName === 'string'
  );
}
