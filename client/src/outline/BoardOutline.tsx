// The board outline beside the canvas: a tree (WAI-ARIA tree pattern) of the board's frames and
// notes that a screen-reader or keyboard user can read and work in. Arrow keys move, Enter shows
// the item on the canvas, N adds a note to the frame (typed in a text field, placed inside the
// frame by the app), E edits a note, + and − cast or withdraw a dot while a vote is open. Notes
// other people add are announced politely. Shown or hidden per person, remembered in this browser.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { toRichText, useValue, type TLShapeId } from 'tldraw';
import { isLayoutShapeId, PRIVATE_META, type ClientCommand } from '@vermeboard/shared';
import { cameraMove } from '../board/motion.js';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { workFrameIds } from '../facilitation/workFrames.js';
import { dotsLeft, dotsOn, isNoteInFrame, myDots, openVote, shownResults } from '../facilitation/votes.js';
import { useAnnounce } from '../a11y/Announcer.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { buildOutline, type OutlineFrame, type OutlineNote, type OutlineShape } from './outlineModel.js';
import { countText, frameText, noteText } from './outlineText.js';
import './outline.css';

const storageKey = (me: string) => `vermeboard.outline.${me}`;
const noteGap = 20;
const noteSize = 200;

type Row = { kind: 'frame'; frame: OutlineFrame } | { kind: 'note'; frame: OutlineFrame; note: OutlineNote };
type Editing = { kind: 'new'; frame: OutlineFrame } | { kind: 'edit'; note: OutlineNote } | null;

export function BoardOutline() {
  const { t } = useI18n();
  const { me, editor } = useFacilitation();
  const [open, setOpen] = useState(() => readOpen(me));
  useEffect(() => {
    try {
      localStorage.setItem(storageKey(me), open ? '1' : '0');
    } catch {
      // Private windows may refuse storage; the toggle then lasts for this page.
    }
  }, [me, open]);
  if (!editor) return null;
  return (
    <div className="vb-outline-dock">
      <button type="button" className="vb-outline-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('outline.toggle.hide') : t('outline.toggle.show')}
      </button>
      {open && <OutlinePanel />}
    </div>
  );
}

function readOpen(me: string): boolean {
  try {
    return localStorage.getItem(storageKey(me)) === '1';
  } catch {
    return false;
  }
}

function OutlinePanel() {
  const { t, locale } = useI18n();
  const { editor, state, board, ballots, actor, me, send, refreshBallots } = useFacilitation();
  const shapes = useValue(
    'outline shapes',
    () =>
      (editor?.getCurrentPageShapes() ?? []).map((s): OutlineShape => ({
        id: s.id,
        type: s.type,
        parentId: s.parentId,
        ...(editor?.getShapePageBounds(s.id) ?? { x: s.x, y: s.y }),
        props: s.props as Record<string, unknown>,
        meta: s.meta as Record<string, unknown>,
      })),
    [editor],
  );
  const authors = useValue('outline authors', () => board?.authors.get() ?? new Map<string, string>(), [board]);
  const marks = useValue('outline marks', () => board?.marks.get() ?? new Map(), [board]);
  const names = useMemo(() => new Map((state?.participants ?? []).map((p) => [p.id as string, p.name])), [state]);
  const vote = state ? openVote(state) : null;
  const results = state ? shownResults(state) : null;
  const frames = useMemo(
    () =>
      buildOutline({
        shapes,
        currentFrameIds: state ? workFrameIds(state) : [],
        authors,
        marks,
        names,
        voteCounts: results?.results ?? null,
        isPrivate: (s) => s.meta[PRIVATE_META.private] === true,
        isPrompt: isLayoutShapeId,
      }),
    [shapes, state, authors, marks, names, results],
  );
  const rows = useMemo<Row[]>(
    () =>
      frames.flatMap((frame) => [
        { kind: 'frame', frame } as Row,
        ...frame.notes.map((note) => ({ kind: 'note', frame, note }) as Row),
      ]),
    [frames],
  );
  const byId = useMemo(() => new Map(shapes.map((s) => [s.id, s])), [shapes]);
  const mine = vote ? myDots(ballots, vote.id) : [];

  const [focused, setFocused] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const index = Math.min(focused, Math.max(0, rows.length - 1));

  const announce = useAnnounce();
  useAnnouncements(frames, me, t);

  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setFocused(next);
    items.current[next]?.focus();
  };
  const showOnCanvas = (id: string | null) => {
    if (!editor || id === null) return;
    editor.select(id as TLShapeId);
    editor.zoomToSelection(cameraMove(200));
  };
  const dot = (note: OutlineNote, type: 'castVote' | 'withdrawVote') => {
    if (!vote || actor.role === 'observer' || !isNoteInFrame(byId, vote.frameShapeId, note.id)) return;
    const command: ClientCommand = { type, voteId: vote.id, shapeId: note.id };
    // Said after the server took the dot: the number left, as the sidebar shows it.
    const left = dotsLeft(vote, mine) + (type === 'castVote' ? -1 : 1);
    void send(command).then((ok) => {
      if (!ok) return;
      refreshBallots();
      announce(countText(t, locale, 'a11y.announce.dots', Math.max(0, Math.min(vote.votesPerPerson, left))));
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = rows[index];
    if (!row) return;
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        handled();
        return focusRow(index + 1);
      case 'ArrowUp':
        handled();
        return focusRow(index - 1);
      case 'Home':
        handled();
        return focusRow(0);
      case 'End':
        handled();
        return focusRow(rows.length - 1);
      case 'ArrowLeft':
        handled();
        if (row.kind === 'note') return focusRow(rows.findIndex((r) => r.kind === 'frame' && r.frame === row.frame));
        return;
      case 'ArrowRight':
        handled();
        if (row.kind === 'frame' && row.frame.notes.length > 0) return focusRow(index + 1);
        return;
      case 'Enter':
        handled();
        return showOnCanvas(row.kind === 'note' ? row.note.id : row.frame.id);
      case 'n':
      case 'N':
        if (actor.role === 'observer') return;
        handled();
        return setEditing({ kind: 'new', frame: row.frame });
      case 'e':
      case 'E':
        if (row.kind !== 'note' || row.note.prompt || actor.role === 'observer') return;
        handled();
        return setEditing({ kind: 'edit', note: row.note });
      case '+':
        if (row.kind !== 'note') return;
        handled();
        return dot(row.note, 'castVote');
      case '-':
      case '−':
        if (row.kind !== 'note') return;
        handled();
        return dot(row.note, 'withdrawVote');
    }
  };

  const save = (text: string) => {
    if (!editor || editing === null || text.trim() === '') return setEditing(null);
    if (editing.kind === 'edit') {
      editor.updateShape({ id: editing.note.id as TLShapeId, type: 'note', props: { richText: toRichText(text) } });
    } else {
      const frame = editing.frame.id === null ? undefined : byId.get(editing.frame.id);
      const count = editing.frame.notes.length;
      const columns = frame ? Math.max(1, Math.floor(((frame.props.w as number) - noteGap) / (noteSize + noteGap))) : 4;
      const at = {
        x: noteGap + (count % columns) * (noteSize + noteGap),
        y: 60 + Math.floor(count / columns) * (noteSize + noteGap),
      };
      editor.createShape({
        type: 'note',
        ...(frame ? { parentId: frame.id as TLShapeId, ...at } : { x: at.x, y: at.y }),
        props: { richText: toRichText(text) },
      });
    }
    setEditing(null);
    items.current[index]?.focus();
  };

  return (
    <section className="vb-outline" aria-labelledby="vb-outline-title">
      <h2 id="vb-outline-title" className="vb-outline__title">
        {t('outline.title')}
      </h2>
      <p id="vb-outline-help" className="vb-outline__help">
        {t('outline.help')}
      </p>
      {rows.length === 0 ? (
        <p>{t('outline.empty')}</p>
      ) : (
        <ul role="tree" aria-labelledby="vb-outline-title" aria-describedby="vb-outline-help" onKeyDown={onKeyDown}>
          {rows.map((row, i) => {
            const text =
              row.kind === 'frame'
                ? frameText(t, locale, row.frame)
                : noteText(t, locale, row.note, vote ? dotsOn(mine, row.note.id) : null);
            return (
              <li
                key={row.kind === 'frame' ? `f:${row.frame.id ?? 'page'}` : `n:${row.note.id}`}
                ref={(el) => {
                  items.current[i] = el;
                }}
                role="treeitem"
                aria-level={row.kind === 'frame' ? 1 : 2}
                aria-selected={i === index}
                {...(row.kind === 'frame' ? { 'aria-expanded': true } : {})}
                tabIndex={i === index ? 0 : -1}
                className={`vb-outline__item vb-outline__item--${row.kind}`}
                onFocus={() => setFocused(i)}
                onClick={() => focusRow(i)}
                onDoubleClick={() => showOnCanvas(row.kind === 'note' ? row.note.id : row.frame.id)}
              >
                {text}
              </li>
            );
          })}
        </ul>
      )}
      {editing && (
        <NoteField
          label={
            editing.kind === 'new'
              ? t('outline.newNote', { frame: editing.frame.name || t('outline.page') })
              : t('outline.editNote')
          }
          initial={editing.kind === 'edit' ? editing.note.text : ''}
          onSave={save}
          onCancel={() => {
            setEditing(null);
            items.current[index]?.focus();
          }}
        />
      )}
    </section>
  );
}

function NoteField({
  label,
  initial,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  onSave(text: string): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  return (
    <form
      className="vb-outline__field"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onCancel();
        // Enter saves, as in a chat; Shift+Enter starts a new line.
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          onSave(text);
        }
      }}
    >
      <label>
        {label}
        {/* Focus moves here on purpose: the person just asked to type. */}
        <textarea value={text} autoFocus rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="vb-outline__actions">
        <button type="submit">{t('outline.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('outline.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Announces notes other people add after the outline opened, once each, when they first have text
 * (a note is created empty and then typed into).
 */
function useAnnouncements(frames: readonly OutlineFrame[], me: string, t: ReturnType<typeof useI18n>['t']): void {
  const seen = useRef<Set<string> | null>(null);
  const announce = useAnnounce();
  useEffect(() => {
    const now = frames.flatMap((frame) => frame.notes.filter((n) => n.text !== '').map((note) => ({ frame, note })));
    if (seen.current === null) {
      seen.current = new Set(now.map((n) => n.note.id));
      return;
    }
    const added = now.filter((n) => !seen.current!.has(n.note.id));
    for (const n of added) seen.current.add(n.note.id);
    const last = added.filter((n) => n.note.authorId !== me).at(-1);
    if (last) announce(t('outline.added', { frame: last.frame.name || t('outline.page'), text: last.note.text }));
  }, [frames, me, t, announce]);
}
