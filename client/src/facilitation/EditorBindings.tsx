// What the session does to this browser's editor: follow the facilitator's focus (with a way back
// after wandering off), refuse edits to locked shapes, make new notes private in silent steps,
// and — in the facilitator's browser only — place step layouts on the board.
import { useEffect, useRef, useState } from 'react';
import { Box, useValue, type Editor, type TLShapeId } from 'tldraw';
import { isLayoutShapeId, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFacilitation } from './FacilitationProvider.js';
import { focusBounds, offersWayBack, stepCamera, type Bounds } from './follow.js';
import { stampAuthor } from './authorship.js';
import { keysToPlace, layoutsFor, missingShapes, needsGoals, type GoalTexts } from './layouts.js';
import { makeNewNotesPrivate, privateStepKey } from './privateNotes.js';
import { workFrameIds } from './workFrames.js';
import { guardLockedShapes } from './shapeLocks.js';

export function EditorBindings({ goalsSource }: { goalsSource: (() => Promise<GoalTexts>) | null }) {
  const { editor, state, me, actor } = useFacilitation();
  const latest = useRef<SessionState | null>(state);
  latest.current = state;

  useEffect(() => {
    if (!editor) return;
    return guardLockedShapes(editor, () => new Set(latest.current?.lockedShapeIds ?? []));
  }, [editor]);

  const writer = actor.role !== 'observer';
  useEffect(() => {
    if (!editor || !writer) return;
    return makeNewNotesPrivate(editor, me, () => privateStepKey(latest.current, true));
  }, [editor, me, writer]);

  useEffect(() => {
    if (!editor || !writer) return;
    return stampAuthor(editor, me);
  }, [editor, me, writer]);

  useLayoutPlacement(editor, state, state?.facilitatorId === me, goalsSource);
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
 * board (the facilitator's browser may still be placing them). Guiding actively matters most
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
    editor.setCamera(stepCamera(bounds, screen, inset), { animation: { duration: 300 } });
  }, [editor, position, bounds]);
  return null;
}

function useLayoutPlacement(
  editor: Editor | null,
  state: SessionState | null,
  placing: boolean,
  goalsSource: (() => Promise<GoalTexts>) | null,
) {
  const { locale } = useI18n();
  const previous = useRef<SessionState | null>(null);
  useEffect(() => {
    if (!editor || !state || !placing) {
      previous.current = null;
      return;
    }
    const before = previous.current;
    previous.current = state;
    const keys = keysToPlace(before, state, (id) => editor.getShape(id) !== undefined, locale);
    if (keys.length === 0) return;
    const goals: Promise<GoalTexts> =
      goalsSource && needsGoals(state, keys) ? goalsSource().catch(() => []) : Promise.resolve([]);
    void goals.then((texts) => {
      if (editor.isDisposed) return;
      for (const layout of layoutsFor(state, keys, locale, texts)) {
        const missing = missingShapes(layout.shapes, (id) => editor.getShape(id) !== undefined);
        if (missing.length > 0) editor.run(() => editor.createShapes(missing), { history: 'ignore' });
      }
    });
  }, [editor, state, placing, locale, goalsSource]);
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
    if (bounds) editor.zoomToBounds(new Box(bounds.x, bounds.y, bounds.w, bounds.h), { animation: { duration: 300 } });
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
      onClick={() =>
        editor.zoomToBounds(new Box(followed.x, followed.y, followed.w, followed.h), { animation: { duration: 300 } })
      }
    >
      {t('facilitation.follow.back')}
    </button>
  );
}
