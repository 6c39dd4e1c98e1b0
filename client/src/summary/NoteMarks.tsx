// Marks on the one selected sticky note that the meeting summary reads (shared SHAPE_META): a star
// on an idea and "action item" with an owner and a due date, each offered to whom the shared
// policy allows (`note.star`: in a case only its owner; `note.markAction`: everyone who writes).
import {
  boardActionMetaSchema,
  can,
  SHAPE_META,
  type Actor,
  type BoardActionMeta,
  type SessionState,
} from '@vermeboard/shared';
import { useValue, type Editor, type TLShape } from 'tldraw';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** The note's action mark, or null when it is not marked. */
export function actionMark(shape: TLShape): BoardActionMeta | null {
  const parsed = boardActionMetaSchema.safeParse(shape.meta[SHAPE_META.action]);
  return parsed.success ? parsed.data : null;
}

/** The note with one mark set or removed; `undefined` removes it. */
export function withMark(shape: TLShape, key: string, value: unknown): Pick<TLShape, 'id' | 'type' | 'meta'> {
  const meta = { ...shape.meta };
  if (value === undefined) delete meta[key];
  else meta[key] = value as (typeof meta)[string];
  return { id: shape.id, type: shape.type, meta };
}

export function NoteMarks() {
  const { editor, state, actor } = useFacilitation();
  const note = useValue(
    'selected note',
    () => {
      const shape = editor?.getOnlySelectedShape();
      return shape?.type === 'note' ? shape : null;
    },
    [editor],
  );
  if (!editor || !note || !can(actor, 'note.markAction')) return null;
  return <Marks editor={editor} note={note} state={state} actor={actor} />;
}

function Marks({
  editor,
  note,
  state,
  actor,
}: {
  editor: Editor;
  note: TLShape;
  state: SessionState | null;
  actor: Actor;
}) {
  const { t } = useI18n();
  const starred = note.meta[SHAPE_META.starred] === true;
  const action = actionMark(note);
  const update = (key: string, value: unknown) => editor.updateShape(withMark(note, key, value));
  const people = (state?.participants ?? []).filter((p) => p.role !== 'observer');

  return (
    <section className="vb-fac-section" aria-labelledby="vb-note-marks">
      <h2 className="vb-fac-heading" id="vb-note-marks">
        {t('summary.note.heading')}
      </h2>
      {state !== null && can(actor, 'note.star', { session: state }) && (
        <>
          <button
            type="button"
            className="vb-fac-button"
            aria-pressed={starred}
            onClick={() => update(SHAPE_META.starred, starred ? undefined : true)}
          >
            <span aria-hidden="true">{starred ? '★ ' : '☆ '}</span>
            {t('summary.note.star')}
          </button>
          <p className="vb-fac-hint">{t('summary.note.starHint')}</p>
        </>
      )}
      <button
        type="button"
        className="vb-fac-button"
        aria-pressed={action !== null}
        onClick={() => update(SHAPE_META.action, action ? undefined : { ownerParticipantId: null, dueDate: null })}
      >
        {t('summary.note.action')}
      </button>
      {action === null ? (
        <p className="vb-fac-hint">{t('summary.note.actionHint')}</p>
      ) : (
        <div className="vb-fac-row vb-note-action">
          <label>
            {t('summary.note.owner')}{' '}
            <select
              value={action.ownerParticipantId ?? ''}
              onChange={(e) => update(SHAPE_META.action, { ...action, ownerParticipantId: e.target.value || null })}
            >
              <option value="">{t('summary.note.noOwner')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('summary.note.due')}{' '}
            <input
              type="date"
              value={action.dueDate ?? ''}
              onChange={(e) => update(SHAPE_META.action, { ...action, dueDate: e.target.value || null })}
            />
          </label>
        </div>
      )}
    </section>
  );
}
