// Drawn on the canvas in page space (tldraw's OnTheCanvas slot): the spotlight around a frame,
// the "private" label on my private notes, the dot buttons of an open vote and a closed vote's
// counts. It reads the facilitation context, which reaches inside tldraw through React.
import { stopEventPropagation, useEditor, useValue, type TLShape, type TLShapeId } from 'tldraw';
import type { Vote } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { MarkBadges } from '../summary/MarkBadges.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';
import { isMarkedPrivate } from './privateNotes.js';
import { dotsLeft, dotsOn, isNoteInFrame, myDots, openVote, shownResults } from './votes.js';

interface Placed {
  id: TLShapeId;
  x: number;
  y: number;
  w: number;
  h: number;
}

function usePlacedShapes(filter: (shape: TLShape, byId: Map<string, TLShape>) => boolean, deps: unknown[]): Placed[] {
  const editor = useEditor();
  return useValue(
    'facilitation overlay shapes',
    () => {
      const shapes = editor.getCurrentPageShapes();
      const byId = new Map<string, TLShape>(shapes.map((s) => [s.id, s]));
      return shapes.flatMap((shape) => {
        if (!filter(shape, byId)) return [];
        const b = editor.getShapePageBounds(shape.id);
        return b ? [{ id: shape.id, x: b.x, y: b.y, w: b.w, h: b.h }] : [];
      });
    },
    [editor, ...deps],
  );
}

const at = (p: { x: number; y: number }) => ({ transform: `translate(${p.x}px, ${p.y}px)` });

/**
 * Placed in page space but drawn at screen size: a vote button must stay a 44 px finger target
 * whatever the zoom (at 35 % a page-space button shrank to 13 × 7 px and a tap missed it).
 */
const atScreenScale = (p: { x: number; y: number }, zoom: number) => ({
  transform: `translate(${p.x}px, ${p.y}px) scale(${1 / zoom})`,
  transformOrigin: 'top left',
});

export function CanvasOverlay() {
  const { state } = useFacilitation();
  if (state === null) return null;
  const focus = state.focus.target;
  const vote = openVote(state);
  const results = shownResults(state);
  return (
    <div className="vb-canvas-overlay">
      {focus?.kind === 'frame' && <Spotlight frameId={focus.shapeId} />}
      <PrivateLabels />
      <MarkBadges />
      {vote && <VoteDots vote={vote} />}
      {results && <VoteCounts vote={results} />}
    </div>
  );
}

function Spotlight({ frameId }: { frameId: string }) {
  const [frame] = usePlacedShapes((s) => s.id === frameId, [frameId]);
  if (!frame) return null;
  return <div className="vb-spotlight" style={{ ...at(frame), width: frame.w, height: frame.h }} aria-hidden="true" />;
}

function PrivateLabels() {
  const { t } = useI18n();
  const notes = usePlacedShapes((s) => isMarkedPrivate(s), []);
  return (
    <>
      {notes.map((n) => (
        <div key={n.id} className="vb-private" style={{ ...at(n), width: n.w, height: n.h }}>
          <div className="vb-private__label">
            <span aria-hidden="true">🔒 </span>
            {t('facilitation.private.label')}
          </div>
        </div>
      ))}
    </>
  );
}

function VoteDots({ vote }: { vote: Vote }) {
  const { t } = useI18n();
  const { ballots, refreshBallots, actor } = useFacilitation();
  const editor = useEditor();
  const zoomLevel = useValue('zoom', () => editor.getZoomLevel(), [editor]);
  const notes = usePlacedShapes((s, byId) => isNoteInFrame(byId, vote.frameShapeId, s.id), [vote.frameShapeId]);
  const [frame] = usePlacedShapes((s) => s.id === vote.frameShapeId, [vote.frameShapeId]);
  const outline = frame && (
    <div className="vb-vote-frame" style={{ ...at(frame), width: frame.w, height: frame.h }} aria-hidden="true" />
  );
  if (actor.role === 'observer') return outline ?? null;
  const mine = myDots(ballots, vote.id);
  const left = dotsLeft(vote, mine);
  const zoom = zoomLevel;
  return (
    <>
      {outline}
      {notes.map((n) => {
        const on = dotsOn(mine, n.id);
        return (
          <div
            key={n.id}
            className="vb-vote-dots"
            style={atScreenScale({ x: n.x, y: n.y + n.h + 6 }, zoom)}
            onPointerDown={stopEventPropagation}
            // tldraw's canvas cancels touchstart and touchend, which stops the browser from turning
            // a tap into a click: keep a tap on a vote button away from it.
            onTouchStart={stopEventPropagation}
            onTouchEnd={stopEventPropagation}
          >
            {/* A plain span may not carry a name (axe: aria-prohibited-attr): the dots are drawn for the
                eyes, and their count is said in words beside them. */}
            <span className="vb-vote-dots__mine">
              <span aria-hidden="true">{'●'.repeat(on)}</span>
              <span className="vb-visually-hidden">{t('facilitation.vote.mine', { n: on })}</span>
            </span>
            {left > 0 && (
              <CommandButton
                className="vb-vote-dots__button"
                label={t('facilitation.vote.cast')}
                command={{ type: 'castVote', voteId: vote.id, shapeId: n.id }}
                onSent={refreshBallots}
              >
                <span aria-hidden="true">+●</span>
              </CommandButton>
            )}
            {on > 0 && (
              <CommandButton
                className="vb-vote-dots__button"
                label={t('facilitation.vote.withdraw')}
                command={{ type: 'withdrawVote', voteId: vote.id, shapeId: n.id }}
                onSent={refreshBallots}
              >
                <span aria-hidden="true">−●</span>
              </CommandButton>
            )}
          </div>
        );
      })}
    </>
  );
}

function VoteCounts({ vote }: { vote: Vote }) {
  const { t } = useI18n();
  const counted = vote.results ?? {};
  const notes = usePlacedShapes((s) => (counted[s.id] ?? 0) > 0, [vote.id]);
  return (
    <>
      {notes.map((n) => (
        <div key={n.id} className="vb-vote-count" style={at({ x: n.x + n.w - 28, y: n.y - 18 })}>
          {t('facilitation.vote.count', { n: counted[n.id] ?? 0 })}
        </div>
      ))}
    </>
  );
}
