// Run in Chromium by e2e/tests/noteGeometry.spec.ts (bundled there with Vite): the board's note
// geometry next to tldraw's own for the same notes, measured with the browser's real text layout,
// which jsdom does not have. Exposes `window.noteGeometry`.
import {
  Editor,
  Geometry2dFilters,
  type Group2d,
  NoteShapeUtil,
  createShapeId,
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeUtils,
  tipTapDefaultExtensions,
  toRichText,
  type Geometry2d,
  type TLNoteShape,
  type TLNoteShapeProps,
} from 'tldraw';
import { boardShapeUtils, createBoardStore } from './boardStore.js';

/** A note to compare: its props, and whether it goes in as a remote change (no measuring on the way in). */
export interface NoteCase {
  text: string;
  props?: Partial<Omit<TLNoteShapeProps, 'richText'>>;
}

/** What one geometry says about a note, in plain numbers, to compare across the two. */
export interface GeometryFacts {
  bounds: number[];
  vertices: number[][];
  allVertices: number[][];
  labels: { bounds: number[]; isLabel: boolean; isFilled: boolean; isClosed: boolean; excluded: boolean }[];
  hits: boolean[];
  labelHits: boolean[];
  distances: number[];
  svg: string;
}

function editorWith(
  shapeUtils: typeof defaultShapeUtils | typeof boardShapeUtils,
  store = createTLStore({ shapeUtils }),
) {
  const container = document.createElement('div');
  container.style.cssText = 'position: fixed; inset: 0; width: 1000px; height: 800px';
  document.body.append(container);
  return new Editor({
    store,
    shapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [],
    getContainer: () => container,
    options: {
      text: { tipTapConfig: { extensions: tipTapDefaultExtensions }, addFontsFromNode: defaultAddFontsFromNode },
    },
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const points = (vs: { x: number; y: number }[]) => vs.map((v) => [round(v.x), round(v.y)]);

function factsOf(geometry: Geometry2d & { children?: Geometry2d[] }): GeometryFacts {
  const box = geometry.bounds;
  // A grid over the note and a margin around it, for hit tests and distances.
  const probes: { x: number; y: number }[] = [];
  for (let x = box.minX - 20; x <= box.maxX + 20; x += 13) {
    for (let y = box.minY - 20; y <= box.maxY + 20; y += 17) probes.push({ x, y });
  }
  const labels = (geometry.children ?? []).filter((child) => child.isLabel);
  return {
    bounds: [box.x, box.y, box.w, box.h].map(round),
    vertices: points(geometry.vertices),
    allVertices: points(geometry.getVertices(Geometry2dFilters.INCLUDE_ALL)),
    labels: labels.map((label) => ({
      bounds: [label.bounds.x, label.bounds.y, label.bounds.w, label.bounds.h].map(round),
      isLabel: label.isLabel,
      isFilled: label.isFilled,
      isClosed: label.isClosed,
      excluded: label.excludeFromShapeBounds,
    })),
    hits: probes.map((p) => geometry.hitTestPoint(p, 4, false)),
    labelHits: probes.map((p) => geometry.hitTestPoint(p, 0, true, Geometry2dFilters.INCLUDE_ALL)),
    distances: probes.map((p) => round(geometry.distanceToPoint(p, false, Geometry2dFilters.INCLUDE_ALL))),
    svg: geometry.getSvgPathData(true),
  };
}

/**
 * Creates each note as a person would (tldraw measures it and stores `growY` and the font size
 * adjustment), then reads its geometry from the board's note util and from tldraw's.
 */
function compare(cases: NoteCase[]): { board: GeometryFacts; tldraw: GeometryFacts; props: TLNoteShapeProps }[] {
  const editor = editorWith(boardShapeUtils, createBoardStore());
  const tldraw = new NoteShapeUtil(editor);
  const results = cases.map(({ text, props }, i) => {
    const id = createShapeId(`case-${i}`);
    editor.createShape<TLNoteShape>({
      id,
      type: 'note',
      x: i * 300,
      y: 0,
      props: { ...props, richText: toRichText(text) },
    });
    const shape = editor.getShape<TLNoteShape>(id)!;
    return {
      board: factsOf(editor.getShapeUtil(shape).getGeometry(shape)),
      tldraw: factsOf(tldraw.getGeometry(shape)),
      props: shape.props,
    };
  });
  editor.dispose();
  return results;
}

/**
 * Notes arriving from the board document (a remote put, as the record binding applies them): how
 * many text measurements their page bounds, culling and the shapes near a point took, and how many
 * a hit test on one note's label took after that.
 */
function measurements(count: number): { forBounds: number; forLabel: number; labelHit: boolean } {
  const writer = editorWith(defaultShapeUtils);
  const ids = Array.from({ length: count }, (_, i) => createShapeId(`remote-${i}`));
  writer.createShapes<TLNoteShape>(
    ids.map((id, i) => ({
      id,
      type: 'note',
      x: (i % 20) * 220,
      y: Math.floor(i / 20) * 220,
      props: { richText: toRichText(`Note ${i + 1}`) },
    })),
  );
  const records = ids.map((id) => writer.getShape(id)!);
  writer.dispose();

  const editor = editorWith(boardShapeUtils, createBoardStore());
  let measured = 0;
  const measureHtml = editor.textMeasure.measureHtml.bind(editor.textMeasure);
  editor.textMeasure.measureHtml = (...args) => {
    measured++;
    return measureHtml(...args);
  };
  editor.store.mergeRemoteChanges(() => editor.store.put(records));
  for (const id of ids) editor.getShapePageBounds(id);
  editor.getCulledShapes();
  editor.getShapeIdsInsideBounds(editor.getViewportPageBounds());
  const forBounds = measured;
  const first = editor.getShape<TLNoteShape>(ids[0]!)!;
  const center = editor.getShapePageBounds(first)!.center;
  const hit = editor.getShapeAtPoint(center, { hitLabels: true, hitInside: true });
  const label = editor.getShapeGeometry<Group2d>(first).children.find((child) => child.isLabel);
  const labelHit = label?.hitTestPoint(editor.getPointInShapeSpace(first, center), 0, true) ?? false;
  const forLabel = measured - forBounds;
  editor.dispose();
  return { forBounds, forLabel, labelHit: labelHit && hit?.id === first.id };
}

(window as unknown as { noteGeometry: unknown }).noteGeometry = { compare, measurements };
