// Marks on the one selected sticky note that the meeting summary reads: a star on an idea (for the
// current agenda item's case owner where it has one, else the facilitator) and "action item" with
// an owner and a due date (for everyone who writes on the board). The marks are the server's: each
// press sends a command (`starNote`, `markAction`), the server checks it against the role and keeps
// the mark, with who set it, in the board's `marks` map, which this panel and the canvas badges read.
// A note on a breakout room's board is marked on that board: the commands name the shown room.
import {
  can,
  isLayoutShapeId,
  type NoteActionMark,
  type NoteMarks as Marks,
  type ParticipantId,
} from '@vermeboard/shared';
import { useValue, type TLShape } from 'tldraw';
import { CommandButton } from '../facilitation/CommandButton.js';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useShownRoom } from '../rooms/RoomView.js';

const noMarks: Marks = {};

/** The marks the server keeps for a note, live. */
export function useNoteMarks(shapeId: string | null): Marks {
  const { board } = useFacilitation();
  return useValue('note marks', () => (shapeId === null ? null : board?.marks.get().get(shapeId)) ?? noMarks, [
    board,
    shapeId,
  ]);
}

export function NoteMarks() {
  const { editor, actor } = useFacilitation();
  const room = useShownRoom()?.room.n;
  const note = useValue(
    'selected note',
    () => {
      const shape = editor?.getOnlySelectedShape();
      return shape?.type === 'note' && !isLayoutShapeId(shape.id) ? shape : null;
    },
    [editor],
  );
  if (!editor || !note || actor.role === 'observer') return null;
  return <SelectedNoteMarks note={note} board={room === undefined ? {} : { room }} />;
}

/** Which board the note is on, as the commands say it: `{}` for the plenary, `{ room }` for a breakout room's. */
type OnBoard = { room?: number };

function SelectedNoteMarks({ note, board }: { note: TLShape; board: OnBoard }) {
  const { t } = useI18n();
  const { state, actor } = useFacilitation();
  const marks = useNoteMarks(note.id);
  const starred = marks.starredBy !== undefined;
  const action: NoteActionMark | null = marks.action ?? null;
  const people = (state?.participants ?? []).filter((p) => p.role !== 'observer');
  const mayStar = state !== null && can(actor, 'note.star', { session: state, ...board });

  return (
    <section className="vb-fac-section" aria-labelledby="vb-note-marks">
      <h2 className="vb-fac-heading" id="vb-note-marks">
        {t('summary.note.heading')}
      </h2>
      {mayStar && (
        <>
          <CommandButton
            pressed={starred}
            command={{ type: 'starNote', shapeId: note.id, starred: !starred, ...board }}
          >
            <span aria-hidden="true">{starred ? '★ ' : '☆ '}</span>
            {starred ? t('summary.note.unstar') : t('summary.note.star')}
          </CommandButton>
          <p className="vb-fac-hint">{t('summary.note.starHint')}</p>
        </>
      )}
      <CommandButton
        pressed={action !== null}
        command={{
          type: 'markAction',
          shapeId: note.id,
          action: action ? null : { ownerParticipantId: null, dueDate: null },
          ...board,
        }}
      >
        {action ? t('summary.note.unmarkAction') : t('summary.note.markAction')}
      </CommandButton>
      {action === null ? (
        <p className="vb-fac-hint">{t('summary.note.actionHint')}</p>
      ) : (
        <ActionFields shapeId={note.id} action={action} people={people} board={board} />
      )}
    </section>
  );
}

function ActionFields({
  shapeId,
  action,
  people,
  board,
}: {
  shapeId: string;
  action: NoteActionMark;
  people: readonly { id: ParticipantId; name: string }[];
  board: OnBoard;
}) {
  const { t } = useI18n();
  const { send } = useFacilitation();
  const update = (patch: Partial<Pick<NoteActionMark, 'ownerParticipantId' | 'dueDate'>>) =>
    void send({
      type: 'markAction',
      shapeId,
      action: { ownerParticipantId: action.ownerParticipantId, dueDate: action.dueDate, ...patch },
      ...board,
    });
  return (
    <div className="vb-fac-row vb-note-action">
      <label>
        {t('summary.note.owner')}{' '}
        <select
          value={action.ownerParticipantId ?? ''}
          onChange={(e) => update({ ownerParticipantId: (e.target.value || null) as ParticipantId | null })}
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
        <input type="date" value={action.dueDate ?? ''} onChange={(e) => update({ dueDate: e.target.value || null })} />
      </label>
    </div>
  );
}
