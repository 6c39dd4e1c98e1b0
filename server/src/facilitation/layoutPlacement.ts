// The server places a step's layout when the step is first entered: the frames and prompt notes of
// the method, the group's own ground rules and one card per active goal, read from the group's data
// now, labelled in the group's language, built as tldraw records and written to the board in one
// transaction, in the meeting's command queue. No browser is needed; records already on the board
// (a step entered again, a frame shared by two steps) are left as they are.
import {
  sessionLibrary,
  firstPageName,
  formatDocName,
  planLayout,
  type MeetingId,
  type MethodLibrary,
  type SessionState,
  type StepRef,
} from '@vermeboard/shared';
import type { IndexKey } from '@tldraw/utils';
import { defaultPageId, layoutRecords } from '../board/layoutRecords.js';
import { validateBoardRecord } from '../board/tldrawSchema.js';
import type { Storage } from '../storage/Storage.js';
import { readRecords, setRecords } from './boardRecords.js';
import type { DocWriter } from './privateNotes.js';

export type LayoutStorage = Pick<Storage, 'getMeeting' | 'getGroupSettings' | 'listGoals'>;

/** Places the step's layout; returns how many records were written. */
export async function placeLayout(
  docs: DocWriter,
  storage: LayoutStorage,
  meetingId: MeetingId,
  state: SessionState,
  ref: StepRef,
  methods: MethodLibrary = sessionLibrary(state),
): Promise<number> {
  const agendaIndex = state.agenda.findIndex((item) => item.instanceId === ref.instanceId);
  const item = state.agenda[agendaIndex];
  const step = item && methods[item.methodId]?.steps.find((s) => s.id === ref.stepId);
  if (!step) return 0;
  const meeting = await storage.getMeeting(meetingId);
  if (!meeting) return 0;
  const settings = await storage.getGroupSettings(meeting.groupId);
  const goals = step.needsGroupGoals ? await storage.listGoals(meeting.groupId) : [];
  const plan = planLayout(step, ref.instanceId, agendaIndex, settings?.locale ?? 'en', {
    goals: goals.map((g) => ({ id: g.id, text: g.text })),
    groundRules: step.needsGroupRules ? (settings?.groundRules ?? []) : [],
  });
  if (plan.length === 0) return 0;
  return docs.withDoc(formatDocName({ kind: 'board', meetingId }), (doc) => {
    const existing = readRecords(doc);
    const missing = plan.filter((p) => !existing.has(p.id));
    if (missing.length === 0) return 0;
    const pageId = firstPageId(existing);
    const records = layoutRecords(missing, pageId, topIndex(existing, pageId));
    setRecords(doc, new Map(records.map((r) => [r.id, r])));
    return records.length;
  });
}

/**
 * Writes the board's first page, named in the group's language, unless the board has a page
 * already. Uses tldraw's own id for it, so a browser that makes its default page finds this one.
 */
export async function nameFirstPage(docs: DocWriter, storage: LayoutStorage, meetingId: MeetingId): Promise<void> {
  const meeting = await storage.getMeeting(meetingId);
  if (!meeting) return;
  const locale = (await storage.getGroupSettings(meeting.groupId))?.locale ?? 'en';
  await docs.withDoc(formatDocName({ kind: 'board', meetingId }), (doc) => {
    const records = readRecords(doc);
    if ([...records.values()].some((r) => (r as { typeName?: unknown }).typeName === 'page')) return;
    const page = validateBoardRecord({
      id: defaultPageId,
      typeName: 'page',
      name: firstPageName[locale],
      index: 'a1',
      meta: {},
    });
    setRecords(doc, new Map([[page.id, page]]));
  });
}

/** The board's first page by index; tldraw's default page before any browser has opened the board. */
function firstPageId(records: ReadonlyMap<string, unknown>): string {
  let first: { id: string; index: string } | null = null;
  for (const [id, val] of records) {
    const index = (val as { typeName?: unknown; index?: unknown }).index;
    if ((val as { typeName?: unknown }).typeName !== 'page' || typeof index !== 'string') continue;
    if (first === null || index < first.index) first = { id, index };
  }
  return first?.id ?? defaultPageId;
}

function topIndex(records: ReadonlyMap<string, unknown>, pageId: string): IndexKey | null {
  let top: string | null = null;
  for (const val of records.values()) {
    const shape = val as { typeName?: unknown; parentId?: unknown; index?: unknown };
    if (shape.typeName !== 'shape' || shape.parentId !== pageId || typeof shape.index !== 'string') continue;
    if (top === null || shape.index > top) top = shape.index;
  }
  return top as IndexKey | null;
}
