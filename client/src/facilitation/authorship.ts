// Who wrote a note: the notes this browser's user creates carry their participant id in
// `meta.vbAuthor` (PRIVATE_META.author), so that when the meeting ends the server can file a
// progress note under its author and make the author the owner of an action they wrote. Pasted
// or duplicated notes keep the author they already had.
import type { Editor } from 'tldraw';
import { PRIVATE_META } from '@vermeboard/shared';

export function stampAuthor(editor: Editor, authorId: string): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note' || typeof shape.meta[PRIVATE_META.author] === 'string') return shape;
    return { ...shape, meta: { ...shape.meta, [PRIVATE_META.author]: authorId } };
  });
}
