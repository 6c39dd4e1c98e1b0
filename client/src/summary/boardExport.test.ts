// @vitest-environment node
// The board export and the note marks: what goes into the picture, its file name, and the marks
// the summary reads.
import { describe, expect, it, vi } from 'vitest';
import type { TLShape } from 'tldraw';
import { type ActionItem, type MeetingId, type ParticipantId } from '@vermeboard/shared';
import { boardFileName, exportableShapes, exportBoard, type ExportingEditor } from './boardExport.js';
import { actionMark, withMark } from './NoteMarks.js';
import { isActionReviewStep, itemsToReview } from './OpenActionItems.js';

const shape = (id: string, meta: Record<string, unknown> = {}) => ({ id, type: 'note', meta }) as unknown as TLShape;

function fakeEditor(shapes: TLShape[]) {
  return {
    getCurrentPageShapes: () => shapes,
    toImage: vi.fn(async () => ({ blob: new Blob(['png'], { type: 'image/png' }), width: 1, height: 1 })),
    getSvgString: vi.fn(async () => ({ svg: '<svg/>', width: 1, height: 1, trimPadding: 0 })),
  } as unknown as ExportingEditor & { toImage: ReturnType<typeof vi.fn>; getSvgString: ReturnType<typeof vi.fn> };
}

describe('board export', () => {
  it('exports every shape but the user’s own unrevealed private notes', async () => {
    const shapes = [shape('shape:a'), shape('shape:mine', { vbPrivate: true }), shape('shape:b')];
    expect(exportableShapes(shapes).map((s) => s.id)).toEqual(['shape:a', 'shape:b']);
    const editor = fakeEditor(shapes);
    const png = await exportBoard(editor, 'png');
    expect(png?.type).toBe('image/png');
    expect(editor.toImage).toHaveBeenCalledWith(
      [shapes[0], shapes[2]],
      expect.objectContaining({ format: 'png', background: true }),
    );
    const svg = await exportBoard(editor, 'svg');
    expect(svg?.type).toBe('image/svg+xml');
    expect(await svg?.text()).toBe('<svg/>');
  });

  it('has nothing to export from an empty page', async () => {
    expect(await exportBoard(fakeEditor([]), 'png')).toBeNull();
  });

  it('names the file after the day', () => {
    expect(boardFileName('png', new Date(2026, 2, 4))).toBe('board-2026-03-04.png');
    expect(boardFileName('svg', new Date(2026, 10, 26))).toBe('board-2026-11-26.svg');
  });
});

describe('note marks', () => {
  const A = 'p-anna-0001' as ParticipantId;

  it('sets and removes a mark, keeping the note’s other meta', () => {
    const note = shape('shape:n', { vbAuthor: A });
    const marked = withMark(note, 'vbAction', { ownerParticipantId: A, dueDate: '2026-04-01' });
    expect(marked.meta).toEqual({ vbAuthor: A, vbAction: { ownerParticipantId: A, dueDate: '2026-04-01' } });
    expect(actionMark({ ...note, meta: marked.meta })).toEqual({ ownerParticipantId: A, dueDate: '2026-04-01' });
    expect(withMark({ ...note, meta: marked.meta }, 'vbAction', undefined).meta).toEqual({ vbAuthor: A });
    expect(actionMark(shape('shape:x', { vbAction: { dueDate: 'soon' } }))).toBeNull();
  });
});

describe('open action items in the goal recap', () => {
  it('shows in the adjust step the items still open from earlier meetings', () => {
    expect(isActionReviewStep('goal-recap', 'adjust')).toBe(true);
    expect(isActionReviewStep('goal-recap', 'progress-round')).toBe(false);
    const item = (id: string, meetingId: string, doneAt: string | null) =>
      ({ id, meetingId, doneAt, text: id }) as unknown as ActionItem;
    const now = 'meeting-now-01' as MeetingId;
    const items = [item('a', 'meeting-old-01', null), item('b', 'meeting-old-01', '2026-01-01'), item('c', now, null)];
    expect(itemsToReview(items, now).map((i) => i.id)).toEqual(['a']);
  });
});
