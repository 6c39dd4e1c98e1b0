// The y-websocket wire format, read and written by small paired functions. The bench speaks it
// directly instead of through WebsocketProvider so that hundreds of clients fit in one process:
// no Awareness objects, no reconnect timers, no per-client broadcast channels.
//
//   frame      = messageType:varUint payload
//   sync (0)   = syncType:varUint data:varUint8Array     syncType 0 step1 (state vector),
//                                                        1 step2 (update), 2 update
//   awareness (1) = update:varUint8Array                 update = n:varUint (clientID:varUint
//                                                        clock:varUint state:varString(JSON))*n
//   auth (2)   = reason                                  sent by servers that refuse a write
//   query-awareness (3)                                  asks the peer for all awareness states
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RawData } from 'ws';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** The parsed JSON state; `null` means the client left. */
  state: unknown;
}

export type WireMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'auth' }
  | { type: 'query-awareness' };

function syncFrame(syncType: number, data: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, data);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncFrame(messageYjsSyncStep1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => syncFrame(messageYjsSyncStep2, update);
export const encodeUpdate = (update: Uint8Array) => syncFrame(messageYjsUpdate, update);

/** The update of an empty document: what a store-less relay answers to sync step 1. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(inner, clientID);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** Parses one frame. Throws on a truncated or unknown frame; the caller decides what that means. */
export function decodeMessage(frame: Uint8Array): WireMessage {
  const decoder = decoding.createDecoder(frame);
  const messageType = decoding.readVarUint(decoder);
  switch (messageType) {
    case MessageType.sync: {
      const syncType = decoding.readVarUint(decoder);
      const data = decoding.readVarUint8Array(decoder);
      if (syncType === messageYjsSyncStep1) return { type: 'sync-step1', stateVector: data };
      if (syncType === messageYjsSyncStep2) return { type: 'sync-step2', update: data };
      if (syncType === messageYjsUpdate) return { type: 'update', update: data };
      throw new Error(`unknown sync message type ${syncType}`);
    }
    case MessageType.awareness:
      return { type: 'awareness', entries: decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)) };
    case MessageType.auth:
      return { type: 'auth' };
    case MessageType.queryAwareness:
      return { type: 'query-awareness' };
    default:
      throw new Error(`unknown message type ${messageType}`);
  }
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ clientID, clock, state });
  }
  return entries;
}

/** Whether a frame is a sync step 1, read from its first two bytes only (the relay's hot path). */
export function isSyncStep1(frame: Uint8Array): boolean {
  // Both type fields are varUints below 128, so each is exactly one byte.
  return frame.length >= 2 && frame[0] === MessageType.sync && frame[1] === messageYjsSyncStep1;
}

/** One received ws message as bytes, without copying when ws already handed over one buffer. */
export function frameOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
