// Badges on marked notes, drawn on the canvas (tldraw's OnTheCanvas slot, in page space): a star on
// a starred idea and "Action item: owner, due date" on an action, so everyone sees what goes into
// the summary. Each badge is text with a symbol beside it, never the symbol alone.
import { useEditor, useValue, type TLShapeId } from 'tldraw';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function MarkBadges() {
  const editor = useEditor();
  const { board, state } = useFacilitation();
  const { t, locale } = useI18n();
  // Page space scales with the zoom; the badges keep their size on screen so they stay readable.
  const zoom = useValue('zoom', () => editor.getZoomLevel(), [editor]);
  const placed = useValue(
    'marked notes',
    () => {
      const marks = board?.marks.get() ?? new Map();
      return [...marks].flatMap(([id, mark]) => {
        const bounds = editor.getShapePageBounds(id as TLShapeId);
        return bounds && editor.getShape(id as TLShapeId) ? [{ id, x: bounds.x, y: bounds.y, mark }] : [];
      });
    },
    [editor, board],
  );
  if (placed.length === 0) return null;
  const nameOf = (id: string | null) => state?.participants.find((p) => p.id === id)?.name ?? null;
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' });
  return (
    <>
      {placed.map(({ id, x, y, mark }) => {
        const owner = nameOf(mark.action?.ownerParticipantId ?? null);
        const due = mark.action?.dueDate ? dates.format(new Date(`${mark.action.dueDate}T12:00:00`)) : null;
        return (
          <div
            key={id}
            className="vb-mark-badges"
            style={{ transform: `translate(${x}px, ${y}px) scale(${1 / zoom}) translateY(calc(-100% - 4px))` }}
          >
            {mark.starredBy !== undefined && (
              <span className="vb-mark-badge vb-mark-badge--star">
                <span aria-hidden="true">★ </span>
                {t('summary.badge.starred')}
              </span>
            )}
            {mark.action && (
              <span className="vb-mark-badge vb-mark-badge--action">
                {owner ? t('summary.badge.actionOwner', { owner }) : t('summary.badge.action')}
                {due && `, ${t('summary.badge.due', { date: due })}`}
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}
