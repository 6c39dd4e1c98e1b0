// A step's layout plan (shared/src/facilitation/layoutPlan.ts) as tldraw records, placed above what
// the page already holds, as tldraw places new shapes.
import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import type { TLRecord } from '@tldraw/tlschema';
import { SHAPE_META, type LayoutItemPlan } from '@vermeboard/shared';
import { frameRecord, noteRecord } from './shapeRecords.js';

export { defaultPageId } from './shapeRecords.js';

/**
 * The records of a layout plan. `topIndexAbove` is the largest fractional index of the page's
 * shapes (or null), so frames land above what is already there, as tldraw places new shapes.
 */
export function layoutRecords(
  items: readonly LayoutItemPlan[],
  pageId: string,
  topIndexAbove: IndexKey | null,
): TLRecord[] {
  const frames = items.filter((i) => i.kind === 'frame');
  const frameIndexes = frames.length > 0 ? getIndicesAbove(topIndexAbove, frames.length) : [];
  const records: TLRecord[] = [];
  frames.forEach((frame, i) => {
    records.push(frameRecord({ ...frame, parentId: pageId, index: frameIndexes[i]! }));
  });
  const noteCounts = new Map<string, number>();
  for (const item of items)
    if (item.kind === 'note') noteCounts.set(item.parentId, (noteCounts.get(item.parentId) ?? 0) + 1);
  const notesPer = new Map([...noteCounts].map(([parentId, count]) => [parentId, getIndicesAbove(null, count)]));
  const used = new Map<string, number>();
  for (const item of items) {
    if (item.kind !== 'note') continue;
    const n = used.get(item.parentId) ?? 0;
    used.set(item.parentId, n + 1);
    records.push(
      noteRecord({
        ...item,
        index: notesPer.get(item.parentId)![n]!,
        meta: item.goalId === undefined ? {} : { [SHAPE_META.goalId]: item.goalId },
      }),
    );
  }
  return records;
}
