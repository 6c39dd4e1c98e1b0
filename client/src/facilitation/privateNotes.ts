// Silent writing: in a `silent` step the notes a participant creates are private. They are marked
// with PRIVATE_META before they enter the store, so the board binding never writes them to the
// board document and the private-notes binding keeps them in `meeting/<id>/private/<me>` (see
// board/privateRecords.ts). The server's reveal copies them to the board without the mark.
import type { Editor, TLShape } from 'tldraw';
import { PRIVATE_META, currentStep, stepKey, type SessionState } from '@vermeboard/shared';

/** The step key new notes are private in now, or null when new notes go to the board. */
export function privateStepKey(state: SessionState | null, writer: boolean): string | null {
  if (state === null || !writer) return null;
  const current = currentStep(state);
  return current?.step.speakingMode === 'silent' ? stepKey(current.ref) : null;
}

export function markPrivate(shape: TLShape, authorId: string, key: string): TLShape {
  return {
    ...shape,
    meta: { ...shape.meta, [PRIVATE_META.private]: true, [PRIVATE_META.author]: authorId, [PRIVATE_META.step]: key },
  };
}

export function isMarkedPrivate(shape: TLShape): boolean {
  return shape.meta[PRIVATE_META.private] === true;
}

/** Marks this user's new sticky notes private while `currentKey()` names a silent step. */
export function makeNewNotesPrivate(editor: Editor, authorId: string, currentKey: () => string | null): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    const key = currentKey();
    if (source !== 'user' || key === null || shape.type !== 'note' || isMarkedPrivate(shape)) return shape;
    return markPrivate(shape, authorId, key);
  });
}
