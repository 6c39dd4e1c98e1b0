import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeMessage,
  EMPTY_UPDATE,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isSyncStep1,
  MessageType,
} from './wire.js';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

/** Frames as y-protocols (and so y-websocket) writes them. */
function referenceSyncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('sync frames', () => {
  it('writes step 1, step 2 and update exactly as y-protocols does', () => {
    const doc = docWithText('hello');
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(encodeSyncStep1(sv)).toEqual(referenceSyncFrame((e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(encodeSyncStep2(update)).toEqual(referenceSyncFrame((e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(encodeUpdate(update)).toEqual(referenceSyncFrame((e) => syncProtocol.writeUpdate(e, update)));
  });

  it('reads what y-protocols writes', () => {
    const doc = docWithText('hello');
    const step1 = decodeMessage(referenceSyncFrame((e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(step1).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });

    const step2 = decodeMessage(referenceSyncFrame((e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(step2.type).toBe('sync-step2');
    const copy = new Y.Doc();
    if (step2.type === 'sync-step2') Y.applyUpdate(copy, step2.update);
    expect(copy.getText('t').toString()).toBe('hello');
  });

  it('is applied by y-protocols readSyncMessage', () => {
    const source = docWithText('abc');
    const target = new Y.Doc();
    const frame = encodeUpdate(Y.encodeStateAsUpdate(source));
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), target, null);
    expect(target.getText('t').toString()).toBe('abc');
  });

  it('recognises sync step 1 from its first bytes', () => {
    expect(isSyncStep1(encodeSyncStep1(new Uint8Array([0])))).toBe(true);
    expect(isSyncStep1(encodeSyncStep2(EMPTY_UPDATE))).toBe(false);
    expect(isSyncStep1(encodeAwareness([]))).toBe(false);
    expect(isSyncStep1(new Uint8Array([0]))).toBe(false);
  });

  it('uses the real encoding of an empty document for the relay answer', () => {
    expect(Y.encodeStateAsUpdate(new Y.Doc())).toEqual(EMPTY_UPDATE);
  });
});

describe('awareness frames', () => {
  it('round-trips through y-protocols in both directions', () => {
    const state = { cursor: { x: 1.5, y: -2 }, user: { name: 'Aino' } };
    const frame = encodeAwareness([{ clientID: 42, clock: 7, state }]);

    // Ours → y-protocols.
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
    const receiver = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(receiver, decoding.readVarUint8Array(decoder), null);
    expect(receiver.getStates().get(42)).toEqual(state);
    expect(receiver.meta.get(42)?.clock).toBe(7);

    // y-protocols → ours.
    const senderDoc = new Y.Doc();
    const sender = new awarenessProtocol.Awareness(senderDoc);
    sender.setLocalState(state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(sender, [senderDoc.clientID]));
    expect(decodeMessage(encoding.toUint8Array(encoder))).toEqual({
      type: 'awareness',
      entries: [{ clientID: senderDoc.clientID, clock: sender.meta.get(senderDoc.clientID)?.clock, state }],
    });
    receiver.destroy();
    sender.destroy();
  });

  it('reads a removal as a null state', () => {
    const frame = encodeAwareness([{ clientID: 3, clock: 9, state: null }]);
    expect(decodeMessage(frame)).toEqual({ type: 'awareness', entries: [{ clientID: 3, clock: 9, state: null }] });
  });
});

describe('malformed frames', () => {
  it('throws on unknown types and truncated frames', () => {
    expect(() => decodeMessage(new Uint8Array([9]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([0, 7, 0]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([0, 2, 5, 1]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([]))).toThrow();
  });

  it('reads auth and query-awareness frames', () => {
    expect(decodeMessage(new Uint8Array([MessageType.auth, 0]))).toEqual({ type: 'auth' });
    expect(decodeMessage(new Uint8Array([MessageType.queryAwareness]))).toEqual({ type: 'query-awareness' });
  });
});
