// One open board: the order in which transport, schema check, store, record binding and presence
// come up, and what the UI reads from them. Kept free of React so the order is testable.
import type * as Y from 'yjs';
import {
  UserRecordType,
  atom,
  computed,
  createUserId,
  react,
  type Atom,
  type Signal,
  type TLAssetStore,
  type TLStore,
} from 'tldraw';
import {
  BOARD_AUTHORS,
  BOARD_MARKS,
  META_TLDRAW_SCHEMA,
  noteMarksSchema,
  type NoteMarks,
  type Role,
} from '@vermeboard/shared';
import type { AwarenessUser } from './awarenessState.js';
import { openBoardDocument, type BoardDocument } from './boardDocument.js';
import { createBoardStore } from './boardStore.js';
import { bindPresence, type Person } from './presence.js';
import { isBoardRecord, isPrivateRecord } from './privateRecords.js';
import { bindRecords, type FrameScheduler } from './recordBinding.js';
import { bindStrokePreviews } from './strokePreviewBinding.js';
import { checkBoardSchema } from './schemaCheck.js';
import type { BoardStatus, BoardTransport } from './transport.js';

/** Why this client refuses to edit a board it can read. */
export type SchemaProblem = 'newer' | 'unreadable';

export interface BoardSession {
  /** Null until the document is loaded and checked. */
  store: Signal<TLStore | null>;
  status: Signal<BoardStatus>;
  people: Signal<Person[]>;
  schemaProblem: Signal<SchemaProblem | null>;
  /** Who created each record, as the server recorded it (the board's `authors` map). */
  authors: Signal<ReadonlyMap<string, string>>;
  /** Stars and action marks per note, as the server keeps them (the board's `marks` map). */
  marks: Signal<ReadonlyMap<string, NoteMarks>>;
  dispose(): void;
}

export interface BoardSessionOptions {
  transport: BoardTransport;
  /** This participant's private-notes document; its notes are shown only in this store. */
  privateTransport?: BoardTransport;
  user: { id: string; name: string; color: string };
  role: Role;
  assets?: TLAssetStore;
  schedule?: FrameScheduler;
  /** How long to wait for this browser's saved copy before going on without it. */
  localLoadTimeoutMs?: number;
  /** True while the board may not be edited whatever the role (the meeting has ended). */
  readOnly?: Signal<boolean>;
}

export function openBoardSession({
  transport,
  privateTransport,
  user,
  role,
  assets,
  schedule,
  localLoadTimeoutMs = 3000,
  readOnly,
}: BoardSessionOptions): BoardSession {
  const awarenessUser: AwarenessUser = { ...user, role };
  const store = atom<TLStore | null>('board store', null);
  const schemaProblem = atom<SchemaProblem | null>('board schema problem', null);
  const people = atom<Person[]>('board people (loading)', [{ ...awarenessUser, isSelf: true }]);
  const $people = atom<Signal<Person[]>>('board people source', people);
  // A board the retention rule deleted takes no more edits: nothing would keep them.
  const cannotWrite = computed(
    'board cannot write',
    () =>
      role === 'observer' ||
      schemaProblem.get() !== null ||
      (readOnly?.get() ?? false) ||
      transport.status.get() === 'gone',
  );
  const stopReadOnly = react('board read-only', () => transport.setReadOnly(cannotWrite.get()));
  const cleanups: (() => void)[] = [];
  const closed = atom('board closed', false);
  const authors = mirrorMap(transport.doc.getMap<unknown>(BOARD_AUTHORS), (v) => (typeof v === 'string' ? v : null));
  const marks = mirrorMap(transport.doc.getMap<unknown>(BOARD_MARKS), (v) => {
    const parsed = noteMarksSchema.safeParse(v);
    return parsed.success ? parsed.data : null;
  });
  cleanups.push(authors.stop, marks.stop);

  const start = async () => {
    // IndexedDB can be unavailable or slow to open (private windows, full disks); the server
    // copy is then the only one.
    await Promise.race([transport.whenLocalLoaded, delay(localLoadTimeoutMs)]);
    const board = openBoardDocument(transport.doc);
    // A browser that has never seen this board must not mistake "not synced yet" for "empty":
    // writing a fresh schema into it could mark an older server document as current.
    if (!board.meta.has(META_TLDRAW_SCHEMA)) await until(() => transport.serverSynced.get() || closed.get());
    if (closed.get()) return;

    const tlStore = createBoardStore({
      ...(assets ? { assets } : {}),
      users: {
        currentUser: atom(
          'board current user',
          UserRecordType.create({ id: createUserId(user.id), name: user.name, color: user.color }),
        ),
      },
      collaboration: {
        status: computed('board online', () => {
          const status = transport.status.get();
          return status === 'offline' || status === 'gone' ? 'offline' : 'online';
        }),
        mode: computed('board mode', () => (cannotWrite.get() ? 'readonly' : 'readwrite')),
      },
    });
    checkSchema(board, tlStore, schemaProblem);
    const onMeta = () => checkSchema(board, tlStore, schemaProblem);
    board.meta.observe(onMeta);
    cleanups.push(() => board.meta.unobserve(onMeta));
    const canWrite = () => !cannotWrite.get();
    const frames = schedule ? { schedule } : {};
    const drawing = atom('board drawing a stroke', false);
    cleanups.push(
      bindRecords({
        store: tlStore,
        board,
        canWrite,
        owns: isBoardRecord,
        sendPreview: transport.previews.send,
        onDrawing: (now) => drawing.set(now),
        ...frames,
      }),
      bindStrokePreviews({ store: tlStore, board, subscribe: transport.previews.subscribe }),
    );
    if (privateTransport) {
      // Bound after the board so that a private note's parent frame is already in the store.
      const notes = openBoardDocument(privateTransport.doc);
      cleanups.push(bindRecords({ store: tlStore, board: notes, canWrite, owns: isPrivateRecord, ...frames }));
    }
    const presence = bindPresence({
      store: tlStore,
      awareness: transport.awareness,
      user: awarenessUser,
      paused: drawing,
    });
    cleanups.push(() => presence.dispose());
    $people.set(presence.people);
    store.set(tlStore);
  };
  start().catch((error: unknown) => console.error('[board] could not open the board:', error));

  return {
    store,
    status: transport.status,
    people: computed('board people', () => $people.get().get()),
    schemaProblem,
    authors: authors.signal,
    marks: marks.signal,
    dispose() {
      closed.set(true);
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
      stopReadOnly();
    },
  };
}

function checkSchema(board: BoardDocument, store: TLStore, problem: Atom<SchemaProblem | null>) {
  const result = checkBoardSchema(board, store.schema);
  if (result.kind === 'newer') problem.set('newer');
  else if (result.kind === 'unreadable') problem.set('unreadable');
  else problem.set(null);
}

/** A server-written Y.Map as a signal of its parsed entries; entries that do not parse are left out. */
function mirrorMap<T>(map: Y.Map<unknown>, parse: (value: unknown) => T | null) {
  const read = () => {
    const out = new Map<string, T>();
    map.forEach((value, key) => {
      const parsed = parse(value);
      if (parsed !== null) out.set(key, parsed);
    });
    return out;
  };
  const signal = atom<ReadonlyMap<string, T>>('board server map', read());
  const update = () => signal.set(read());
  map.observe(update);
  return { signal, stop: () => map.unobserve(update) };
}

function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = react('board wait', () => {
      if (condition()) {
        queueMicrotask(() => stop());
        resolve();
      }
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
