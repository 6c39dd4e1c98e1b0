// The session's `lockedShapeIds` enforced in every browser's editor.
//
// Why not tldraw's own `isLocked`: a locked tldraw frame accepts no new children and cannot be
// selected, but template frames are exactly where people put their notes (and the server counts a
// note as inside a vote's frame by its parent chain), and the facilitator selects frames to
// spotlight them. So the lock is a rule over user edits instead: a user change to a locked shape
// (moving, resizing, restyling, its meta, deleting) is refused before it reaches the store (and so
// the board document). Children still come and go, since that changes the child, not the frame. The
// session document is the single source, so every browser agrees and unlocking needs no board
// write. Layout shapes are protected the same way for everyone but the facilitator, as the server
// refuses their changes from anyone else (server/src/board/updateGuard.ts).
import type { Editor, TLShape } from 'tldraw';

/** Whether a user's change from `prev` to `next` must be refused. Selection state is not in the record. */
export function refusesChange(prev: TLShape, next: TLShape, isProtected: (id: string) => boolean): boolean {
  return isProtected(next.id) && JSON.stringify(prev) !== JSON.stringify(next);
}

export function guardLockedShapes(editor: Editor, isProtected: (id: string) => boolean): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' && refusesChange(prev, next, isProtected) ? prev : next,
  );
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && isProtected(shape.id) ? false : undefined,
  );
  return () => {
    stopChange();
    stopDelete();
  };
}
