// A step's board layout, drawn on a real tldraw canvas: frames with the frame tool, prompt notes
// with the note tool dropped inside a frame. What is on the canvas is read back from the editor's
// records into the layout schema (frames: position and size in page units; notes: the frame they
// sit in, their colour and text) whenever the trainer changes it. A note's place inside its frame
// is the server's choice when it places the layout, so the canvas shows notes where the board will.
// Labels and note texts are edited here in the page's language and in all three beside the canvas.
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { useEffect, useRef } from 'react';
import {
  Tldraw,
  createShapeId,
  renderPlaintextFromRichText,
  toRichText,
  type Editor,
  type TLShape,
  type TLShapeId,
  type TLUiOverrides,
} from 'tldraw';
import 'tldraw/tldraw.css';
import {
  noteColors,
  planLayout,
  slugSchema,
  type BoardLayout,
  type Locale,
  type LocalizedText,
  type NoteColor,
  type Step,
} from '@vermeboard/shared';
import { accessibleThemes } from '../board/noteColours.js';
import { tldrawTranslationOverrides } from '../board/tldrawTranslations.js';
import { blankText } from './draftModel.js';

const assetUrls = getAssetUrlsByImport();
const overrides: TLUiOverrides = { translations: tldrawTranslationOverrides() };

interface Props {
  step: Step;
  locale: Locale;
  licenseKey: string | null;
  onChange(layout: BoardLayout): void;
}

/**
 * Layout ids for the canvas's shapes: a shape loaded from the layout keeps its own; one the trainer
 * draws gets `<step>-frame-<n>` or `<step>-prompt-<n>`, unique in the method, since the same id in
 * two steps means the same frame.
 */
function layoutIds(stepId: string) {
  const assigned = new Map<TLShapeId, string>();
  const base = stepId.slice(0, 30);
  return {
    known: (shape: TLShape): string | undefined => assigned.get(shape.id),
    assign(shapes: readonly TLShape[]): void {
      const taken = new Set([...assigned.values()]);
      for (const shape of shapes) {
        if (assigned.has(shape.id) || (shape.type !== 'frame' && shape.type !== 'note')) continue;
        const own = shape.id.slice('shape:'.length);
        let id = own;
        if (!slugSchema.safeParse(own).success || taken.has(own)) {
          const prefix = `${base}-${shape.type === 'frame' ? 'frame' : 'prompt'}`;
          let n = 1;
          while (taken.has(`${prefix}-${n}`)) n++;
          id = `${prefix}-${n}`;
        }
        assigned.set(shape.id, id);
        taken.add(id);
      }
    },
  };
}
type LayoutIds = ReturnType<typeof layoutIds>;

function withText(previous: LocalizedText | undefined, locale: Locale, text: string): LocalizedText {
  return { ...(previous ?? blankText()), [locale]: text };
}

/** The canvas's frames and notes, as the layout schema holds them. */
function readLayout(editor: Editor, previous: BoardLayout, locale: Locale, ids: LayoutIds): BoardLayout {
  const shapes = editor.getCurrentPageShapesSorted();
  ids.assign(shapes);
  const frameIds = new Map<TLShapeId, string>();
  const frames: BoardLayout['frames'] = [];
  for (const shape of shapes) {
    if (shape.type !== 'frame') continue;
    const id = ids.known(shape)!;
    frameIds.set(shape.id, id);
    const bounds = editor.getShapePageBounds(shape)!;
    const props = shape.props as { name: string };
    const before = previous.frames.find((f) => f.id === id);
    frames.push({
      id,
      label: withText(before?.label, locale, props.name),
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      w: Math.round(bounds.w),
      h: Math.round(bounds.h),
    });
  }
  const notes: BoardLayout['notes'] = [];
  for (const shape of shapes) {
    if (shape.type !== 'note') continue;
    const frameId = frameIds.get(shape.parentId as TLShapeId);
    // A note outside every frame is no prompt: the board would have nowhere to put it.
    if (frameId === undefined) continue;
    const id = ids.known(shape)!;
    const props = shape.props as { color: string; richText: Parameters<typeof renderPlaintextFromRichText>[1] };
    const before = previous.notes.find((n) => n.id === id);
    notes.push({
      id,
      frameId,
      color: (noteColors as readonly string[]).includes(props.color) ? (props.color as NoteColor) : 'yellow',
      text: withText(before?.text, locale, renderPlaintextFromRichText(editor, props.richText)),
    });
  }
  return { frames, notes };
}

/** Puts a layout on an empty canvas, notes where the server will place them. */
function drawLayout(editor: Editor, step: Step, locale: Locale): void {
  const layout = step.layout;
  if (!layout || layout.frames.length === 0) return;
  const plan = planLayout(step, 'studio', 0, locale);
  editor.run(
    () => {
      for (const frame of layout.frames) {
        editor.createShape({
          id: createShapeId(frame.id),
          type: 'frame',
          x: frame.x,
          y: frame.y,
          props: { w: frame.w, h: frame.h, name: frame.label[locale] },
        });
      }
      for (const note of layout.notes) {
        const placed = plan.find((p) => p.kind === 'note' && p.id.endsWith(`.${note.id}`));
        editor.createShape({
          id: createShapeId(note.id),
          type: 'note',
          parentId: createShapeId(note.frameId),
          x: placed?.x ?? 30,
          y: placed?.y ?? 60,
          props: { color: note.color, richText: toRichText(note.text[locale]) },
        });
      }
    },
    { history: 'ignore' },
  );
  editor.zoomToFit({ animation: { duration: 0 } });
}

export function LayoutCanvas({ step, locale, licenseKey, onChange }: Props) {
  const editorRef = useRef<Editor | null>(null);
  const layoutRef = useRef<BoardLayout>(step.layout ?? { frames: [], notes: [] });
  layoutRef.current = step.layout ?? { frames: [], notes: [] };
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const ids = useRef(layoutIds(step.id)).current;

  // Labels and texts typed beside the canvas show on it, in the page's language.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    for (const frame of layoutRef.current.frames) {
      const shape = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && ids.known(s) === frame.id);
      const name = frame.label[locale];
      if (shape && (shape.props as { name: string }).name !== name) {
        editor.updateShape({ id: shape.id, type: 'frame', props: { name } });
      }
    }
  }, [step.layout, locale, ids]);

  return (
    <div className="vb-studio-canvas">
      <Tldraw
        key={step.id}
        locale={locale}
        {...(licenseKey ? { licenseKey } : {})}
        assetUrls={assetUrls}
        overrides={overrides}
        themes={accessibleThemes}
        onMount={(editor) => {
          editorRef.current = editor;
          drawLayout(editor, step, locale);
          ids.assign(editor.getCurrentPageShapes());
          const read = () => changeRef.current(readLayout(editor, layoutRef.current, locale, ids));
          const stop = editor.store.listen(read, { scope: 'document', source: 'user' });
          return () => {
            stop();
            editorRef.current = null;
          };
        }}
      />
    </div>
  );
}
