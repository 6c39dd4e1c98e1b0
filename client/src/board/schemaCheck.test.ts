// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTLSchema } from '@tldraw/tlschema';
import type { SerializedSchemaV2 } from 'tldraw';
import { BOARD_SCHEMA_VERSION, META_SCHEMA_VERSION, META_TLDRAW_SCHEMA } from '@vermeboard/shared';
import { openBoardDocument } from './boardDocument.js';
import { createBoardStore } from './boardStore.js';
import { checkBoardSchema } from './schemaCheck.js';

const store = createBoardStore();
const ours = store.schema.serialize();

function withSequence(sequenceId: string, version: number): SerializedSchemaV2 {
  return { ...ours, sequences: { ...ours.sequences, [sequenceId]: version } };
}

function boardWith(version: unknown, schema: unknown) {
  const board = openBoardDocument(new Y.Doc());
  board.meta.set(META_SCHEMA_VERSION, version);
  board.meta.set(META_TLDRAW_SCHEMA, schema);
  return board;
}

describe('checkBoardSchema', () => {
  it('agrees with the schema the server validates against', () => {
    // The server builds its validators with @tldraw/tlschema alone (server/src/board/tldrawSchema.ts):
    // a browser's store must serialise to exactly the same schema, or honest records would be refused.
    expect(ours).toEqual(createTLSchema().serialize());
  });

  it('waits for the server’s meta, and never writes any itself', () => {
    const board = openBoardDocument(new Y.Doc());
    expect(checkBoardSchema(board, store.schema)).toEqual({ kind: 'missing' });
    expect(board.meta.size).toBe(0);
    expect(checkBoardSchema(boardWith(BOARD_SCHEMA_VERSION, ours), store.schema)).toEqual({ kind: 'current' });
  });

  it('opens a newer board read-only', () => {
    expect(checkBoardSchema(boardWith(BOARD_SCHEMA_VERSION + 1, ours), store.schema)).toEqual({
      kind: 'newer',
      by: 'vermeboard',
    });
    expect(
      checkBoardSchema(boardWith(BOARD_SCHEMA_VERSION, withSequence('com.tldraw.shape.note', 1000)), store.schema),
    ).toEqual({ kind: 'newer', by: 'tldraw' });
  });

  it('opens an unreadable or not yet migrated board read-only', () => {
    expect(checkBoardSchema(boardWith('one', ours), store.schema)).toEqual({ kind: 'unreadable' });
    expect(checkBoardSchema(boardWith(1, ours), store.schema)).toEqual({ kind: 'unreadable' });
    expect(
      checkBoardSchema(boardWith(BOARD_SCHEMA_VERSION, withSequence('com.tldraw.shape.geo', 1)), store.schema),
    ).toEqual({ kind: 'unreadable' });
  });
});
