// Who wrote a note: every note this browser's user creates — drawn, pasted or duplicated — carries
// their participant id in `meta.vbAuthor` (PRIVATE_META.author), and an edit never changes it. The
// server checks both (a new record names its writer, an existing one keeps its recorded author)
// and keeps the authorship it vouches for in the board's `authors` map.
import type { Editor } from 'tldraw';
import { PRIVATE_META } from '@vermeboard/shared';

export function stampAuthor(editor: Editor, authorId: string): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note' || shape.meta[PRIVATE_META.author] === authorId) return shape;
    return { ...shape, meta: { ...shape.meta, [PRIVATE_META.author]: authorId } };
  });
}
