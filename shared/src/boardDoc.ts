// Layout of a board-shaped Yjs document (`meeting/<id>/board`, and the private-notes documents
// `meeting/<id>/private/<participantId>`).
//
//   doc.getArray('records')  YKeyValue entries: tldraw record id → record JSON. The only type a
//                            browser may change; the server checks every change (see README,
//                            "What the server checks").
//   doc.getMap('meta')       schemaVersion (Vermeboard's own), tldrawSchema (serialised tldraw
//                            schema). Written by the server only, when it first loads the document.
//   doc.getMap('clients')    Yjs client id (decimal string) → who first wrote with it: a participant
//                            id, `link:<hash prefix>` for a shared link, or `server`. Server only.
//   doc.getMap('authors')    record id → participant id of the person who created the record.
//                            Server only; authorship for summaries and labels comes from here.
//   doc.getMap('marks')      shape id → NoteMarks (star, action item), set by commands. Server only.
//
// The records live in a YKeyValue (an array of {key, val}) rather than a Y.Map because a Y.Map keeps
// every overwritten value's item forever; dragging a shape for a minute writes it hundreds of times.
import { z } from 'zod';
import { isoDateSchema } from './process/text.js';
import { participantIdSchema } from './ids.js';

export const BOARD_RECORDS = 'records';
export const BOARD_META = 'meta';
export const BOARD_CLIENTS = 'clients';
export const BOARD_AUTHORS = 'authors';
export const BOARD_MARKS = 'marks';
export const META_SCHEMA_VERSION = 'schemaVersion';
export const META_TLDRAW_SCHEMA = 'tldrawSchema';

/** The types only the server writes; a browser's update touching one is refused. */
export const serverOnlyBoardTypes = [BOARD_META, BOARD_CLIENTS, BOARD_AUTHORS, BOARD_MARKS] as const;

/**
 * Vermeboard's own document schema version. The server migrates a document it loads to this
 * version (server/src/board/boardMeta.ts); a client that finds a larger number refuses to edit.
 *
 *   1  records + meta; stars, action marks and authors lived in each record's `meta`
 *   2  clients, authors and marks maps written by the server; records carry no marks
 */
export const BOARD_SCHEMA_VERSION = 2;

/** Who a `clients` entry names when the server itself wrote with that client id. */
export const SERVER_WRITER = 'server';

/** Layout records (frames, prompt notes, goal cards) have ids under this prefix: only the facilitator changes them. */
export const LAYOUT_ID_PREFIX = 'shape:layout.';

export function isLayoutShapeId(id: string): boolean {
  return id.startsWith(LAYOUT_ID_PREFIX);
}

export const noteActionMarkSchema = z.strictObject({
  ownerParticipantId: participantIdSchema.nullable(),
  dueDate: isoDateSchema.nullable(),
  /** Who marked the note as an action item; null for a mark carried over from a version 1 board. */
  markedBy: participantIdSchema.nullable(),
});
export type NoteActionMark = z.infer<typeof noteActionMarkSchema>;

/** The marks on one note, as the server keeps them in the `marks` map. */
export const noteMarksSchema = z.strictObject({
  /** Who starred the idea (the case owner in a problem clinic); null when carried over from a version 1 board. */
  starredBy: participantIdSchema.nullable().optional(),
  action: noteActionMarkSchema.optional(),
});
export type NoteMarks = z.infer<typeof noteMarksSchema>;
