// The session's `lockedShapeIds` enforced in every browser's editor.
//
// Why not tldraw's own `isLocked`: a locked tldraw frame accepts no new children and cannot be
// selected, but template frames are exactly where people put their notes (and the server counts a
// note as inside a vote's frame by its parent chain), and the facilitator selects frames to
// spotlight them. So the lock is a rule over user edits instead: a user change that moves, resizes,
// restyles or deletes a locked shape is refused before it reaches the store (and so the board
// document). Children still come and go, since that changes the child, not the frame. The session
// document is the single source, so every browser agrees and unlocking needs no board write.
import type { Editor, TLShape } from 'tldraw';

/** Whether a user's change from `prev` to `next` must be refused. Selection state is not in the record. */
export function refusesChange(prev: TLShape, next: TLShape, locked: ReadonlySet<string>): boolean {
  if (!locked.has(next.id)) return false;
  return (
    prev.x !== next.x ||
    prev.y !== next.y ||
    prev.rotation !== next.rotation ||
    prev.parentId !== next.parentId ||
    prev.index !== next.index ||
    prev.opacity !== next.opacity ||
    JSON.stringify(prev.props) !== JSON.stringify(next.props)
  );
}

export function guardLockedShapes(editor: Editor, lockedIds: () => ReadonlySet<string>): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' && refusesChange(prev, next, lockedIds()) ? prev : next,
  );
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && lockedIds().has(shape.id) ? false : undefined,
  );
  return () => {
    stopChange();
    stopDelete();
  };
}
