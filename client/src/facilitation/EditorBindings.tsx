// What the session does to this browser's editor: follow the facilitator's focus (with a way back
// after wandering off), refuse edits to locked and layout shapes the server would refuse, make new
// notes private in silent steps, and stamp new notes with their author. Layouts are the server's.
import { useEffect, useRef, useState } from 'react';
import { Box, useValue, type Editor, type TLShapeId } from 'tldraw';
import { isLayoutShapeId, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFacilitation } from './FacilitationProvider.js';
import { focusBounds, offersWayBack, stepCamera, type Bounds } from './follow.js';
import { stampAuthor } from './authorship.js';
import { makeNewNotesPrivate, privateStepKey } from './privateNotes.js';
import { workFrameIds } from './workFrames.js';
import { cameraMove } from '../board/motion.js';
import { guardLockedShapes } from './shapeLocks.js';

export function EditorBindings() {
  const { editor, state, me, actor } = useFacilitation();
  const latest = useRef<SessionState | null>(state);
  latest.current = state;

  useEffect(() => {
    if (!editor) return;
    return guardLockedShapes(editor, (id) => {
      const now = latest.current;
      if (now?.lockedShapeIds.includes(id)) return true;
      // Layout records are the facilitator's alone (the server refuses anyone else's change).
      const facilitates = now?.facilitatorId === null ? actor.role === 'facilitator' : now?.facilitatorId === me;
      return isLayoutShapeId(id) && !facilitates;
    });
  }, [editor, me, actor.role]);

  const writer = actor.role !== 'observer';
  useEffect(() => {
    if (!editor || !writer) return;
    return makeNewNotesPrivate(editor, me, () => privateStepKey(latest.current, true));
  }, [editor, me, writer]);

  useEffect(() => {
    if (!editor || !writer) return;
    return stampAuthor(editor, me);
  }, [editor, me, writer]);

  if (!editor || !state) return null;
  return (
    <>
      <StepFocus editor={editor} state={state} />
      <FollowFocus editor={editor} state={state} isFacilitator={state.facilitatorId === me} />
    </>
  );
}

/**
 * When a step starts, everyone's view moves to the frames it works in (`workFrameIds`: the step's
 * `focusFrames`, else its layout frames), at a zoom where notes are readable, once those frames are on the
 * board (the server places them as the step starts). Guiding actively matters most
 * online, and the frames of later agenda items lie far from the first ones.
 */
/** Page space around a step's existing content when the view goes to it, so notes are not at the edge. */
const contentMargin = 60;

function StepFocus({ editor, state }: { editor: Editor; state: SessionState }) {
  const position = state.position === null ? null : `${state.position.agendaIndex}/${state.position.stepIndex}`;
  const frameIds = workFrameIds(state);
  const bounds = useValue(
    'step frames bounds',
    () => {
      const boxes = frameIds.map((id) => editor.getShapePageBounds(id)).filter((b) => b !== undefined);
      if (boxes.length !== frameIds.length || boxes.length === 0) return null;
      // The template's own content in the frames (goal cards, prompt notes) is what people look at
      // first — the same for everyone, unlike notes, some of which are private to one person; a
      // frame without any is shown from its top-left corner, its label.
      const content = frameIds
        .flatMap((id) => editor.getSortedChildIdsForParent(id))
        .filter((id) => isLayoutShapeId(id))
        .map((id) => editor.getShapePageBounds(id))
        .filter((b) => b !== undefined);
      return content.length > 0 ? Box.Common(content).expandBy(contentMargin) : Box.Common(boxes);
    },
    [editor, frameIds.join(',')],
  );
  const shownFor = useRef<string | null>(null);
  useEffect(() => {
    if (position === null || bounds === null || shownFor.current === position) return;
    shownFor.current = position;
    // The inset keeps frame labels clear of tldraw's menu over the canvas's top-left corner; the
    // zoom never goes below what keeps a note's text readable.
    const screen = editor.getViewportScreenBounds();
    const inset = Math.min(128, screen.w / 8);
    editor.setCamera(stepCamera(bounds, screen, inset), cameraMove(300));
  }, [editor, position, bounds]);
  return null;
}

function FollowFocus({
  editor,
  state,
  isFacilitator,
}: {
  editor: Editor;
  state: SessionState;
  isFacilitator: boolean;
}) {
  const { t } = useI18n();
  const { target, seq } = state.focus;
  const [followed, setFollowed] = useState<Bounds | null>(null);
  const frameBounds = (id: string): Bounds | null => editor.getShapePageBounds(id as TLShapeId) ?? null;

  // Move on every new request (seq), not on every session change.
  useEffect(() => {
    if (isFacilitator) {
      setFollowed(null);
      return;
    }
    const bounds = focusBounds(target, frameBounds);
    setFollowed(bounds);
    if (bounds) editor.zoomToBounds(new Box(bounds.x, bounds.y, bounds.w, bounds.h), cameraMove(300));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- seq identifies a request; target rides along.
  }, [editor, seq, isFacilitator]);

  const away = useValue(
    'away from focus',
    () => offersWayBack(isFacilitator, editor.getViewportPageBounds(), followed),
    [editor, followed, isFacilitator],
  );
  if (!away || followed === null) return null;
  return (
    <button
      type="button"
      className="vb-fac-button vb-back-to-focus"
      onClick={() => editor.zoomToBounds(new Box(followed.x, followed.y, followed.w, followed.h), cameraMove(300))}
    >
      {t('facilitation.follow.back')}
    </button>
  );
}
