// Whether this browser may edit a board, judged from the meta the server wrote into it
// (server/src/board/boardMeta.ts): the server creates and migrates every board, so a browser only
// reads. A board newer than this browser (a newer Vermeboard or tldraw), or one the server has not
// brought to this browser's schema, opens read-only: writing records of another format into it
// would corrupt it for the clients that made it, and the server would refuse them anyway.
import type { TLSchema } from 'tldraw';
import {
  BOARD_SCHEMA_VERSION,
  compareTldrawSchemas,
  META_SCHEMA_VERSION,
  META_TLDRAW_SCHEMA,
  type SerializedSchemaSequences,
} from '@vermeboard/shared';
import type { BoardDocument } from './boardDocument.js';

export type SchemaCheck =
  /** The document matches this client. */
  | { kind: 'current' }
  /** The server has not written the meta yet (the document has not synced). */
  | { kind: 'missing' }
  /** The document is newer than this client understands: open read-only. */
  | { kind: 'newer'; by: 'vermeboard' | 'tldraw' }
  /** The document's schema could not be read, or is older than this client: open read-only. */
  | { kind: 'unreadable' };

export function checkBoardSchema({ meta }: BoardDocument, schema: TLSchema): SchemaCheck {
  const version = meta.get(META_SCHEMA_VERSION);
  const docSchema = meta.get(META_TLDRAW_SCHEMA);
  if (version === undefined && docSchema === undefined) return { kind: 'missing' };
  if (typeof version !== 'number' || !Number.isInteger(version)) return { kind: 'unreadable' };
  if (version > BOARD_SCHEMA_VERSION) return { kind: 'newer', by: 'vermeboard' };
  if (version < BOARD_SCHEMA_VERSION) return { kind: 'unreadable' };
  const order = compareTldrawSchemas(schema.serialize() as SerializedSchemaSequences, docSchema);
  if (order === 'newer') return { kind: 'newer', by: 'tldraw' };
  return order === 'same' ? { kind: 'current' } : { kind: 'unreadable' };
}
