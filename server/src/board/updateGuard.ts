// Checks a browser's update to a board-shaped document before the server applies, stores or relays
// it. The board is written by many browsers, but the group's permanent record (summary, progress
// notes, action items) is made from it, so the server vouches for what it holds:
//
// - only the `records` array changes: every new item's parent is that array (followed through the
//   item's origin when the update leaves the parent out), and every item it deletes is one of its
//   entries; the server-only maps (meta, clients, authors, marks) are never touched;
// - every new entry is `{key, val}` with `key === val.id`, a record that passes tldraw's validator
//   for its type, within the size bound, without a `vbPrivate` mark on the board, and without the
//   marks the server keeps elsewhere; a `vbAuthor`, if any, names the record's recorded author, or
//   the sender for a record nobody created before;
// - locked and layout records are inserted or deleted only by the meeting's facilitator (removing an
//   older duplicate of one, which every YKeyValue does after concurrent writes, is allowed while a
//   newer entry remains);
// - every struct's client id belongs to the sender (the first writer with an id owns it), and the
//   update depends on nothing the server lacks: no gap in a client's clocks, no origin, parent or
//   deletion the server cannot resolve, so nothing is left pending in the document.
//
// The check reads the decoded update (structs and delete set) against the document as it is; it
// never re-validates the whole document. A refusal throws UpdateRefusedError and changes nothing.
import * as Y from 'yjs';
import { BOARD_AUTHORS, BOARD_CLIENTS, BOARD_RECORDS, PRIVATE_META, SHAPE_META } from '@vermeboard/shared';
import type { DecodedUpdate } from '../sync/protocol.js';
import { InvalidRecordError, validateBoardRecord } from './tldrawSchema.js';

export class UpdateRefusedError extends Error {
  override name = 'UpdateRefusedError';
}

/**
 * The update builds on changes the server does not hold (yet): refused like any other, but a
 * connection that has not answered the server's sync step 1 may hold it until its step 2 brings
 * what it builds on (Connection).
 */
export class MissingDependencyError extends UpdateRefusedError {
  override name = 'MissingDependencyError';
}

export type { DecodedUpdate };

/** Who sent the update, as the connection established it. */
export interface UpdateWriter {
  /** The key the writer's client ids are bound to: a participant id, or `link:<hash prefix>`. */
  writerKey: string;
  /** The writer's participant id; null for a shared link, whose records have no author. */
  participantId: string | null;
  /** Whether the writer may change locked and layout records (the meeting's facilitator). */
  mayEditProtected: boolean;
}

export interface UpdateRules {
  /** 'board' refuses private marks; 'private' (a participant's own notes) requires nothing of authors. */
  kind: 'board' | 'private';
  /** Locked ids and layout ids. */
  isProtected(id: string): boolean;
  maxRecordBytes: number;
  /** New client ids one update may bind (an offline browser may bring several page loads' worth). */
  maxNewClients: number;
}

/** What the server writes after applying an accepted update, in its own transaction. */
export interface AcceptedUpdate {
  /** Client ids the update used for the first time: bind them to the writer. */
  newClients: number[];
  /** Record id → author, for records this update created. */
  newAuthors: Map<string, string>;
}

/** Live entries per record id, kept up to date by observing the records array. */
export interface EntryIndex {
  count(key: string): number;
}

interface NewItem {
  item: Y.Item;
  /** How many of the item's entries the server already has (a struct that overlaps what it holds). */
  offset: number;
}

export function checkBoardUpdate(
  doc: Y.Doc,
  index: EntryIndex,
  update: DecodedUpdate,
  writer: UpdateWriter,
  rules: UpdateRules,
): AcceptedUpdate {
  const store = doc.store;
  const records = doc.getArray(BOARD_RECORDS);
  const clients = doc.getMap<string>(BOARD_CLIENTS);
  const authors = doc.getMap<string>(BOARD_AUTHORS);
  const known = (client: number) => Y.getState(store, client);

  // 1. Which structs are new, and whether each client's new run starts where the server's ends.
  const ends = new Map<number, number>();
  const newItems: NewItem[] = [];
  const updateItems = new Map<number, Y.Item[]>();
  for (const struct of update.structs) {
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    const have = known(client);
    if (end <= have) continue;
    const runEnd = ends.get(client);
    if (runEnd === undefined ? clock > have : clock !== runEnd) lacks('the update depends on changes the server lacks');
    ends.set(client, end);
    if (struct instanceof Y.Skip) lacks('the update depends on changes the server lacks');
    if (struct instanceof Y.Item) {
      newItems.push({ item: struct, offset: Math.max(0, have - clock) });
      let list = updateItems.get(client);
      if (!list) updateItems.set(client, (list = []));
      list.push(struct);
    }
  }

  // 2. Client ids: each new run belongs to the writer, or is new and becomes the writer's.
  const newClients: number[] = [];
  for (const client of ends.keys()) {
    const owner = clients.get(String(client));
    if (owner === undefined) newClients.push(client);
    else if (owner !== writer.writerKey) refuse('the update uses a client id of someone else');
  }
  if (newClients.length > rules.maxNewClients) refuse('the update brings too many new client ids');

  const isKnownId = (id: Y.ID) => id.clock < Math.max(known(id.client), ends.get(id.client) ?? 0);
  const findUpdateItem = (id: Y.ID): Y.Item | null => {
    const list = updateItems.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };

  // 3. Every new item lives in the records array.
  const parents = new Map<Y.Item, Parent>();
  const parentOf = (start: Y.Item): Parent => {
    // Iterative: an offline browser's history can chain thousands of items through their origins.
    const chain: Y.Item[] = [];
    let item: Y.Item = start;
    let found: Parent | undefined;
    for (;;) {
      const cached = parents.get(item);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      chain.push(item);
      if (typeof item.parent === 'string') {
        found = item.parent === BOARD_RECORDS && item.parentSub === null ? 'records' : 'other';
        break;
      }
      if (item.parent !== null) {
        // A nested type's id: records hold plain JSON, never nested types.
        found = 'other';
        break;
      }
      const ref = item.origin ?? item.rightOrigin;
      if (ref === null) refuse('an item without a parent');
      if (!isKnownId(ref)) lacks('the update depends on changes the server lacks');
      if (ref.clock >= known(ref.client)) {
        const next = findUpdateItem(ref);
        if (next === null) {
          // A garbage-collected struct of the update: Yjs turns the item into garbage as well.
          found = 'gone';
          break;
        }
        item = next;
        continue;
      }
      found = parentInDoc(store, ref, records);
      break;
    }
    for (const visited of chain) parents.set(visited, found);
    return found;
  };

  const inserted = new Map<string, Record<string, unknown>>();
  for (const { item, offset } of newItems) {
    const parent = parentOf(item);
    if (parent === 'gone') continue;
    if (parent !== 'records') refuse('only the records array may change');
    const content = item.content;
    if (content instanceof Y.ContentDeleted) continue;
    if (!(content instanceof Y.ContentAny)) refuse('records hold JSON entries only');
    for (const entry of content.arr.slice(offset)) {
      const { key, val } = readEntry(entry, rules.maxRecordBytes);
      inserted.set(key, val);
    }
  }

  // 4. Deletions: of records entries only, and of protected records only by the facilitator.
  const deletedPerKey = new Map<string, number>();
  for (const [client, ranges] of update.ds.clients) {
    const have = known(client);
    const limit = Math.max(have, ends.get(client) ?? 0);
    for (const { clock, len } of ranges) {
      if (clock + len > limit) lacks('the update deletes changes the server lacks');
      const stop = Math.min(clock + len, have);
      if (clock >= stop) continue;
      forEachLiveItem(store, client, clock, stop, (item, from, to) => {
        if (item.parent !== records || item.parentSub !== null) refuse('only the records array may change');
        if (!(item.content instanceof Y.ContentAny)) return;
        for (const entry of item.content.arr.slice(from, to)) {
          const key = (entry as { key?: unknown }).key;
          if (typeof key === 'string') deletedPerKey.set(key, (deletedPerKey.get(key) ?? 0) + 1);
        }
      });
    }
  }

  // 5. Record rules.
  const newAuthors = new Map<string, string>();
  for (const [key, val] of inserted) {
    if (rules.isProtected(key) && !writer.mayEditProtected) refuse(`only the facilitator changes ${clip(key)}`);
    checkMeta(key, val, rules, writer, authors.get(key), rules.isProtected(key));
    const created = index.count(key) === 0 && !authors.has(key);
    if (rules.kind === 'board' && created && val.typeName === 'shape' && writer.participantId !== null) {
      newAuthors.set(key, writer.participantId);
    }
  }
  for (const [key, deleted] of deletedPerKey) {
    if (!rules.isProtected(key) || writer.mayEditProtected) continue;
    // Removing an older duplicate leaves the record as it is; removing the last entry deletes it.
    if (inserted.has(key) || index.count(key) - deleted < 1) refuse(`only the facilitator changes ${clip(key)}`);
  }
  return { newClients, newAuthors };
}

type Parent = 'records' | 'other' | 'gone';

function parentInDoc(store: Y.Doc['store'], id: Y.ID, records: Y.Array<unknown>): Parent {
  const struct = Y.getItem(store, id) as Y.Item | Y.GC;
  if (struct instanceof Y.GC) return 'gone';
  return struct.parent === records && struct.parentSub === null ? 'records' : 'other';
}

/** Calls `fn` for each not yet deleted item overlapping [from, to) of `client`, with the entry range it covers. */
function forEachLiveItem(
  store: Y.Doc['store'],
  client: number,
  from: number,
  to: number,
  fn: (item: Y.Item, start: number, end: number) => void,
): void {
  const structs = store.clients.get(client);
  if (!structs) return;
  let i = Y.findIndexSS(structs, from);
  for (; i < structs.length; i++) {
    const struct = structs[i]!;
    const start = struct.id.clock;
    if (start >= to) break;
    if (!(struct instanceof Y.Item) || struct.deleted) continue;
    fn(struct, Math.max(0, from - start), Math.min(struct.length, to - start));
  }
}

function readEntry(entry: unknown, maxRecordBytes: number): { key: string; val: Record<string, unknown> } {
  if (!isPlainObject(entry)) refuse('an entry is not an object');
  const keys = Object.keys(entry);
  if (keys.length !== 2 || typeof entry.key !== 'string' || !isPlainObject(entry.val)) {
    refuse('an entry is not {key, val}');
  }
  const { key, val } = entry as { key: string; val: Record<string, unknown> };
  if (val.id !== key) refuse('an entry key differs from its record id');
  // Measured as JSON, the form every browser receives and stores.
  if (JSON.stringify(val).length > maxRecordBytes) refuse(`record ${clip(key)} is over ${maxRecordBytes} bytes`);
  try {
    validateBoardRecord(val);
  } catch (err) {
    if (err instanceof InvalidRecordError) refuse(`record ${clip(key)}: ${err.message}`);
    throw err;
  }
  return { key, val };
}

function checkMeta(
  key: string,
  val: Record<string, unknown>,
  rules: UpdateRules,
  writer: UpdateWriter,
  recordedAuthor: string | undefined,
  isProtected: boolean,
): void {
  const meta = isPlainObject(val.meta) ? val.meta : {};
  if (rules.kind === 'board' && meta[PRIVATE_META.private] !== undefined) refuse('a private mark on the board');
  if (meta[SHAPE_META.starred] !== undefined || meta[SHAPE_META.action] !== undefined) {
    refuse('stars and action marks are set by commands');
  }
  // A goal card names a goal; only the server's layout records may.
  if (meta[SHAPE_META.goalId] !== undefined && !isProtected) refuse('a goal card outside the layout');
  const author = meta[PRIVATE_META.author];
  if (author === undefined) return;
  const expected = rules.kind === 'private' ? writer.participantId : (recordedAuthor ?? writer.participantId);
  if (author !== expected) refuse(`record ${clip(key)} names another author`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(id: string): string {
  return id.length > 80 ? `${id.slice(0, 80)}…` : id;
}

function refuse(reason: string): never {
  throw new UpdateRefusedError(reason);
}

function lacks(reason: string): never {
  throw new MissingDependencyError(reason);
}
