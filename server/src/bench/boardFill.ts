// Fills a board with many notes over the sync endpoint, as one person pasting them would: valid
// tldraw records (built with the pinned schema), written through the board checks in updates of at
// most `perUpdate` records. Used by the browser's big-board benchmark (e2e/bench/bigBoard.bench.ts).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { getIndices } from '@tldraw/utils';
import { BOARD_RECORDS } from '@vermeboard/shared';
import { defaultPageId, noteRecord } from '../board/shapeRecords.js';
import { decodeMessage, encodeSyncStep1, encodeUpdate, frameOf } from './wire.js';

export interface FillOptions {
  /** `ws://host:port/sync/meeting/<id>/board` */
  url: string;
  token: string;
  notes: number;
  perUpdate?: number;
  /** Notes per row of the grid they are laid out in. */
  columns?: number;
}

/** Writes `notes` notes in a grid; resolves once the server has stored them all. */
export async function fillBoard({ url, token, notes, perUpdate = 500, columns = 50 }: FillOptions): Promise<void> {
  const doc = new Y.Doc();
  const records = doc.getArray<{ key: string; val: unknown }>(BOARD_RECORDS);
  const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  const frames: ((message: ReturnType<typeof decodeMessage>) => void)[] = [];
  ws.on('message', (data) => {
    const message = decodeMessage(frameOf(data as Buffer));
    if (message.type === 'sync-step2' || message.type === 'update') Y.applyUpdate(doc, message.update, 'server');
    for (const listener of frames.splice(0)) listener(message);
  });
  const closed = new Promise<never>((_, reject) =>
    ws.on('close', (code) => reject(new Error(`the server closed the filling connection with ${code}`))),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  /** Resolves with the next frame of `type` the server sends. */
  const next = (type: 'sync-step2' | 'update') =>
    Promise.race([
      closed,
      new Promise<void>((resolve) => {
        const wait = (message: ReturnType<typeof decodeMessage>) =>
          message.type === type ? resolve() : frames.push(wait);
        frames.push(wait);
      }),
    ]);
  const synced = next('sync-step2');
  ws.send(encodeSyncStep1(Y.encodeStateVector(doc)));
  await synced;
  const indices = getIndices(notes);
  for (let start = 0; start < notes; start += perUpdate) {
    const update = captureUpdate(doc, () => {
      const batch: { key: string; val: unknown }[] = [];
      for (let i = start; i < Math.min(notes, start + perUpdate); i++) {
        const record = noteRecord({
          id: `shape:bench-note-${i}`,
          parentId: defaultPageId,
          index: indices[i + 1]!,
          x: (i % columns) * 220,
          y: Math.floor(i / columns) * 220,
          text: `Note ${i + 1}`,
        });
        batch.push({ key: record.id, val: record });
      }
      records.push(batch);
    });
    // One update at a time: the server relays it back to its sender, too, once it is stored.
    const stored = next('update');
    ws.send(encodeUpdate(update));
    await stored;
  }
  ws.close();
}

function captureUpdate(doc: Y.Doc, fn: () => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const listen = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') captured = update;
  };
  doc.on('update', listen);
  doc.transact(fn);
  doc.off('update', listen);
  if (!captured) throw new Error('the fill wrote nothing');
  return captured;
}
