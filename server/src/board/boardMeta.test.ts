// The board's meta and its versions: a new board gets the server's schema, a version 1 board (marks
// and authors in each record's meta) is migrated to version 2 when it loads, a tldraw-older board has
// its records migrated, and a board the server cannot read is frozen — kept exactly, refused for
// writing — never reset. Fixtures are built as the browsers of each version wrote them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_AUTHORS,
  BOARD_MARKS,
  BOARD_META,
  BOARD_SCHEMA_VERSION,
  META_SCHEMA_VERSION,
  META_TLDRAW_SCHEMA,
  type SerializedSchemaSequences,
} from '@vermeboard/shared';
import { readRecords, setRecords } from '../facilitation/boardRecords.js';
import type { TLRecord } from '@tldraw/tlschema';
import { shapeRecord } from '../bench/boardRecords.js';
import { prepareBoardMeta } from './boardMeta.js';
import { noteRecord } from './shapeRecords.js';
import { serializedTldrawSchema, tldrawSchema } from './tldrawSchema.js';

const note = (id: string, meta: Record<string, unknown>) =>
  noteRecord({ id, parentId: 'page:page', x: 0, y: 0, text: id, meta });

/** A board as a version 1 browser left it: it wrote the meta itself, and the marks into the records. */
function versionOneBoard(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap(BOARD_META).set(META_SCHEMA_VERSION, 1);
  doc.getMap(BOARD_META).set(META_TLDRAW_SCHEMA, serializedTldrawSchema);
  setRecords(
    doc,
    new Map<string, unknown>([
      ['shape:idea', note('shape:idea', { vbAuthor: 'anna-0000000000000000', vbStarred: true })],
      [
        'shape:todo',
        note('shape:todo', {
          vbAuthor: 'ben-00000000000000000',
          vbAction: { ownerParticipantId: 'anna-0000000000000000', dueDate: '2026-04-01' },
        }),
      ],
      ['shape:plain', note('shape:plain', {})],
    ]),
  );
  return doc;
}

describe('prepareBoardMeta', () => {
  it('writes the server’s schema into a new board', () => {
    const doc = new Y.Doc();
    expect(prepareBoardMeta(doc)).toEqual({ kind: 'initialised' });
    expect(doc.getMap(BOARD_META).get(META_SCHEMA_VERSION)).toBe(BOARD_SCHEMA_VERSION);
    expect(doc.getMap(BOARD_META).get(META_TLDRAW_SCHEMA)).toEqual(serializedTldrawSchema);
    expect(prepareBoardMeta(doc)).toEqual({ kind: 'current' });
  });

  it('moves a version 1 board’s marks and authors out of its records', () => {
    const doc = versionOneBoard();
    expect(prepareBoardMeta(doc)).toMatchObject({ kind: 'migrated', from: 1 });
    expect(doc.getMap(BOARD_META).get(META_SCHEMA_VERSION)).toBe(2);
    expect(doc.getMap(BOARD_MARKS).toJSON()).toEqual({
      'shape:idea': { starredBy: null },
      'shape:todo': { action: { ownerParticipantId: 'anna-0000000000000000', dueDate: '2026-04-01', markedBy: null } },
    });
    expect(doc.getMap(BOARD_AUTHORS).toJSON()).toEqual({
      'shape:idea': 'anna-0000000000000000',
      'shape:todo': 'ben-00000000000000000',
    });
    const records = readRecords(doc);
    expect((records.get('shape:idea') as { meta: object }).meta).toEqual({ vbAuthor: 'anna-0000000000000000' });
    expect((records.get('shape:todo') as { meta: object }).meta).toEqual({ vbAuthor: 'ben-00000000000000000' });
    // Every record still passes tldraw's validators, and a second load changes nothing.
    for (const record of records.values()) expect(() => tldrawSchema.types.shape.validate(record)).not.toThrow();
    const after = Y.encodeStateVector(doc);
    expect(prepareBoardMeta(doc)).toEqual({ kind: 'current' });
    expect(Y.encodeStateVector(doc)).toEqual(after);
  });

  it('treats a board with records but no meta as version 1', () => {
    const doc = new Y.Doc();
    setRecords(doc, new Map([['shape:idea', note('shape:idea', { vbStarred: true })]]));
    expect(prepareBoardMeta(doc)).toMatchObject({ kind: 'migrated', from: 1 });
    expect(doc.getMap(BOARD_MARKS).get('shape:idea')).toEqual({ starredBy: null });
  });

  it('migrates records written by an older tldraw', () => {
    const current = shapeRecord('shape:old', 0, 0, { from: 1, seq: 1, sentAt: 0 }) as unknown as TLRecord;
    const ours = serializedTldrawSchema as SerializedSchemaSequences;
    const older = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.geo': 10 } };
    const down = tldrawSchema.migratePersistedRecord(current, older, 'down');
    if (down.type !== 'success') throw new Error(`cannot build an old record: ${down.reason}`);
    expect(down.value).not.toEqual(current);
    const doc = new Y.Doc();
    doc.getMap(BOARD_META).set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION);
    doc.getMap(BOARD_META).set(META_TLDRAW_SCHEMA, older);
    setRecords(doc, new Map([['shape:old', down.value]]));
    expect(prepareBoardMeta(doc)).toMatchObject({ kind: 'migrated', records: 1 });
    expect(readRecords(doc).get('shape:old')).toEqual(current);
    expect(doc.getMap(BOARD_META).get(META_TLDRAW_SCHEMA)).toEqual(serializedTldrawSchema);
  });

  for (const [what, version, schema] of [
    ['a newer Vermeboard', BOARD_SCHEMA_VERSION + 1, serializedTldrawSchema],
    ['a newer tldraw', BOARD_SCHEMA_VERSION, { schemaVersion: 3, sequences: {} }],
    ['garbage', 'two', serializedTldrawSchema],
  ] as const) {
    it(`freezes a board written by ${what}, changing nothing`, () => {
      const doc = new Y.Doc();
      doc.getMap(BOARD_META).set(META_SCHEMA_VERSION, version);
      doc.getMap(BOARD_META).set(META_TLDRAW_SCHEMA, schema);
      setRecords(doc, new Map([['shape:x', note('shape:x', {})]]));
      const before = Y.encodeStateAsUpdate(doc);
      expect(prepareBoardMeta(doc)).toMatchObject({ kind: 'frozen' });
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    });
  }
});
