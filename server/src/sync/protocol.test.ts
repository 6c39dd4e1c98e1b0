import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode } from '@vermeboard/shared';
import {
  ProtocolError,
  readAwarenessUpdate,
  readMessage,
  writeAwareness,
  writeAwarenessUpdate,
  writeQueryAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './protocol.js';

const limits = { awarenessStateBytes: 1024 };

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) part(encoder);
  return encoding.toUint8Array(encoder);
}

function refusal(fn: () => unknown): ProtocolError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtocolError) return err;
    throw err;
  }
  throw new Error('expected a ProtocolError');
}

describe('reading and writing sync messages', () => {
  it('round-trips step 1, step 2 and update', () => {
    const doc = docWithText('hello');
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(readMessage(writeSyncStep1(sv), limits)).toEqual({ type: 'syncStep1', stateVector: sv });
    expect(readMessage(writeSyncStep2(update), limits)).toMatchObject({ type: 'syncStep2', update });
    expect(readMessage(writeUpdate(update), limits)).toMatchObject({ type: 'update', update });
  });

  it('reads what y-protocols writes', async () => {
    const { writeSyncStep1: ypStep1, writeUpdate: ypUpdate } = await import('y-protocols/sync');
    const doc = docWithText('abc');
    const step1 = frame(
      (e) => encoding.writeVarUint(e, 0),
      (e) => ypStep1(e, doc),
    );
    expect(readMessage(step1, limits)).toMatchObject({ type: 'syncStep1' });
    const update = Y.encodeStateAsUpdate(doc);
    const msg = frame(
      (e) => encoding.writeVarUint(e, 0),
      (e) => ypUpdate(e, update),
    );
    expect(readMessage(msg, limits)).toMatchObject({ type: 'update', update });
  });

  it('reads query awareness', () => {
    expect(readMessage(writeQueryAwareness(), limits)).toEqual({ type: 'queryAwareness' });
  });

  it.each([
    ['an empty frame', new Uint8Array([])],
    ['a truncated varint', new Uint8Array([0x80])],
    ['an unknown message type', new Uint8Array([7])],
    ['the auth message type, which this server does not speak', new Uint8Array([2, 0])],
    ['an unknown sync type', new Uint8Array([0, 9, 0])],
    ['a payload longer than the frame', new Uint8Array([0, 2, 50, 1, 2, 3])],
    ['trailing bytes', Uint8Array.of(...writeUpdate(Y.encodeStateAsUpdate(docWithText('x'))), 0)],
    ['an update that does not decode', writeUpdate(new Uint8Array([5, 200, 1, 3, 7]))],
    ['a step 2 that does not decode', writeSyncStep2(new Uint8Array([1, 1, 1]))],
    ['a state vector that does not decode', writeSyncStep1(new Uint8Array([3, 1]))],
  ])('refuses %s as a protocol error', (_name, bytes) => {
    expect(refusal(() => readMessage(bytes, limits)).closeCode).toBe(CloseCode.protocolError);
  });

  it('never throws anything but ProtocolError on random bytes', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256));
      try {
        readMessage(bytes, limits);
      } catch (err) {
        expect(err).toBeInstanceOf(ProtocolError);
      }
    }
  });
});

describe('reading and writing awareness', () => {
  const entries = [
    { clientId: 1, clock: 3, state: { user: { name: 'Aino' }, cursor: { x: 1, y: 2 } } },
    { clientId: 2, clock: 7, state: null },
  ];

  it('round-trips entries', () => {
    const message = writeAwareness(writeAwarenessUpdate(entries));
    const read = readMessage(message, limits);
    expect(read.type === 'awareness' && read.entries.map(({ json: _json, ...entry }) => entry)).toEqual(entries);
    // Relaying the bytes as read gives the same frame back.
    expect(read.type === 'awareness' && writeAwareness(writeAwarenessUpdate(read.entries))).toEqual(message);
  });

  it('reads what y-protocols writes', async () => {
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Eero' });
    const read = readAwarenessUpdate(encodeAwarenessUpdate(awareness, [doc.clientID]), limits);
    expect(read).toEqual([
      { clientId: doc.clientID, clock: 1, state: { user: { name: 'Eero' } }, json: expect.any(Uint8Array) },
    ]);
    awareness.destroy();
  });

  it('refuses a state over the size limit as forbidden', () => {
    const big = [{ clientId: 1, clock: 1, state: { pad: 'x'.repeat(2000) } }];
    expect(refusal(() => readAwarenessUpdate(writeAwarenessUpdate(big), limits)).closeCode).toBe(CloseCode.forbidden);
  });

  it.each([
    ['invalid JSON', '{"a":'],
    ['a number', '42'],
    ['an array', '[1,2]'],
    ['a string', '"hi"'],
  ])('refuses a state that is %s', (_name, json) => {
    const update = frame(
      (e) => encoding.writeVarUint(e, 1),
      (e) => encoding.writeVarUint(e, 1),
      (e) => encoding.writeVarUint(e, 1),
      (e) => encoding.writeVarString(e, json),
    );
    expect(refusal(() => readAwarenessUpdate(update, limits)).closeCode).toBe(CloseCode.protocolError);
  });

  it('refuses a count larger than the entries present', () => {
    const update = frame(
      (e) => encoding.writeVarUint(e, 3),
      (e) => encoding.writeVarUint(e, 1),
    );
    expect(refusal(() => readAwarenessUpdate(update, limits)).closeCode).toBe(CloseCode.protocolError);
  });
});
