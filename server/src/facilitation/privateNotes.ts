// Revealing private notes: the owner's unrevealed note records move from their private document
// (`meeting/<id>/private/<participantId>`, which only their own connections may open) onto the
// board, so no other browser receives a note before this runs. The copy keeps the record id, so a
// second reveal of the same note (a retry, or a crash between the copy and the removal) overwrites
// the board copy instead of adding another, and a reveal that finds nothing changes nothing.
import type * as Y from 'yjs';
import {
  BOARD_AUTHORS,
  formatDocName,
  PRIVATE_META,
  type MeetingId,
  type ParticipantId,
  type StepRef,
} from '@vermeboard/shared';
import { deleteRecords, readRecords, setRecords } from './boardRecords.js';

export interface DocWriter {
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
}

/** Bounds on what one reveal copies, since the private document's content came from a browser. */
const maxNotesPerParticipant = 200;
const maxRecordBytes = 64 * 1024;

type ShapeRecord = Record<string, unknown> & { typeName: 'shape'; meta: Record<string, unknown> };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An unrevealed note of this agenda item: a shape marked private whose step, when it names one,
 * belongs to the same agenda item. A note from another item is left for its owner.
 */
function isRevealable(id: string, val: unknown, step: StepRef): val is ShapeRecord {
  if (!isObject(val) || val.typeName !== 'shape' || val.id !== id || !isObject(val.meta)) return false;
  if (val.meta[PRIVATE_META.private] !== true) return false;
  const writtenIn = val.meta[PRIVATE_META.step];
  return writtenIn === undefined || (typeof writtenIn === 'string' && writtenIn.startsWith(`${step.instanceId}/`));
}

/** The board's copy: public, authored by the document's owner whatever the browser wrote there. */
function revealed(record: ShapeRecord, owner: ParticipantId): ShapeRecord {
  const meta: Record<string, unknown> = { ...record.meta, [PRIVATE_META.author]: owner };
  delete meta[PRIVATE_META.private];
  return { ...record, meta };
}

/**
 * Copies these participants' revealable notes onto the meeting's board in one transaction, then
 * removes them from each private document unless the owner changed them meanwhile (a changed note
 * stays private and is revealed by the next reveal). Returns how many notes were revealed.
 */
export async function revealPrivateNotes(
  docs: DocWriter,
  meetingId: MeetingId,
  participantIds: readonly ParticipantId[],
  step: StepRef,
): Promise<number> {
  const taken = new Map<ParticipantId, Map<string, string>>();
  const board = new Map<string, unknown>();
  for (const participantId of new Set(participantIds)) {
    const name = formatDocName({ kind: 'private', meetingId, participantId });
    const notes = await docs.withDoc(name, (doc) => readRecords(doc));
    const copied = new Map<string, string>();
    for (const [id, val] of notes) {
      if (copied.size >= maxNotesPerParticipant) break;
      if (!isRevealable(id, val, step)) continue;
      const json = JSON.stringify(val);
      if (json.length > maxRecordBytes) continue;
      copied.set(id, json);
      board.set(id, revealed(val, participantId));
    }
    if (copied.size > 0) taken.set(participantId, copied);
  }
  if (board.size === 0) return 0;

  await docs.withDoc(formatDocName({ kind: 'board', meetingId }), (doc) => {
    setRecords(doc, board);
    // The server vouches for who wrote a revealed note: the owner of the private document.
    const authors = doc.getMap<string>(BOARD_AUTHORS);
    for (const [participantId, copied] of taken) {
      for (const id of copied.keys()) if (!authors.has(id)) authors.set(id, participantId);
    }
  });

  for (const [participantId, copied] of taken) {
    const name = formatDocName({ kind: 'private', meetingId, participantId });
    await docs.withDoc(name, (doc) => {
      const now = readRecords(doc);
      const unchanged = new Set(
        [...copied].filter(([id, json]) => JSON.stringify(now.get(id)) === json).map(([id]) => id),
      );
      deleteRecords(doc, unchanged);
    });
  }
  return board.size;
}
