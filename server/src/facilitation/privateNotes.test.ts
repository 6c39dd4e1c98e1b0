import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingId, ParticipantId, StepRef } from '@vermeboard/shared';
import { readRecords, setRecords } from './boardRecords.js';
import { revealPrivateNotes, type DocWriter } from './privateNotes.js';

const meetingId = 'meeting-0001' as MeetingId;
const anna = 'participant-anna' as ParticipantId;
const step: StepRef = { instanceId: 'check-in-round-1', methodId: 'check-in-round', stepId: 'round' };

/** Documents in memory, by name, written the way the sync server's withDoc does: one transaction. */
function memoryDocs(): DocWriter & { doc(name: string): Y.Doc } {
  const docs = new Map<string, Y.Doc>();
  const doc = (name: string) => {
    if (!docs.has(name)) docs.set(name, new Y.Doc());
    return docs.get(name)!;
  };
  return {
    doc,
    async withDoc(name, fn) {
      const d = doc(name);
      let result!: ReturnType<typeof fn>;
      d.transact(() => {
        result = fn(d);
      });
      return result;
    },
  };
}

const note = (id: string, meta: Record<string, unknown>) => ({ id, typeName: 'shape', type: 'note', meta });

describe('revealPrivateNotes', () => {
  it('moves this agenda item’s private notes to the board once, and leaves the rest', async () => {
    const docs = memoryDocs();
    const priv = docs.doc(`meeting/${meetingId}/private/${anna}`);
    const board = docs.doc(`meeting/${meetingId}/board`);
    setRecords(
      priv,
      new Map<string, unknown>([
        [
          'shape:mine',
          note('shape:mine', { vbPrivate: true, vbAuthor: 'someone-else', vbStep: 'check-in-round-1/silent-prep' }),
        ],
        ['shape:unmarked-step', note('shape:unmarked-step', { vbPrivate: true })],
        ['shape:later', note('shape:later', { vbPrivate: true, vbStep: 'four-ls-2/write' })],
        ['shape:draft', note('shape:draft', {})],
        ['shape:liar', note('shape:other-id', { vbPrivate: true })],
        ['page:page', { id: 'page:page', typeName: 'page', meta: { vbPrivate: true } }],
      ]),
    );

    expect(await revealPrivateNotes(docs, meetingId, [anna, anna], step)).toBe(2);
    const onBoard = readRecords(board);
    expect([...onBoard.keys()].sort()).toEqual(['shape:mine', 'shape:unmarked-step']);
    // Authored by the private document's owner, whatever the browser wrote.
    expect(onBoard.get('shape:mine')).toEqual(
      note('shape:mine', { vbAuthor: anna, vbStep: 'check-in-round-1/silent-prep' }),
    );
    expect([...readRecords(priv).keys()].sort()).toEqual(['page:page', 'shape:draft', 'shape:later', 'shape:liar']);

    const before = Y.encodeStateAsUpdate(board);
    expect(await revealPrivateNotes(docs, meetingId, [anna], step)).toBe(0);
    expect(Y.encodeStateAsUpdate(board)).toEqual(before);
  });
});
