// The y-websocket wire protocol. One message per binary frame: a varint message type, then its body.
//
//   0 sync             a y-protocols/sync message: varint sub-type, then a length-prefixed payload
//                        0 step 1   the sender's state vector ("what I have")
//                        1 step 2   an update with what the receiver lacks
//                        2 update   an incremental update
//   1 awareness        a length-prefixed awareness update: varint count, then per client
//                      varint client id, varint clock, varString JSON state (null = gone)
//   3 query awareness  no body; the answer is an awareness message with every known state
//   4 stroke preview   the points a stroke still being drawn gained (shared/src/strokePreview.ts);
//                      relayed to the document's other connections as received, never stored
//
// Reading is strict: a frame must hold exactly one well-formed message whose update decodes and
// whose awareness states parse, so that nothing of a malformed frame reaches a document.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode, STROKE_PREVIEW_MESSAGE, decodeStrokePreview, type StrokePreview } from '@vermeboard/shared';

export const MessageType = { sync: 0, awareness: 1, queryAwareness: 3, strokePreview: STROKE_PREVIEW_MESSAGE } as const;
export const SyncMessageType = { step1: 0, step2: 1, update: 2 } as const;

export type AwarenessState = Record<string, unknown>;

/** An update's structs and delete set, decoded once when the frame is read and reused by the checks. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null announces that the client left. */
  state: AwarenessState | null;
  /** The state's JSON as received, forwarded as is so that relaying needs no second stringify. */
  json?: Uint8Array;
}

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' }
  /** `frame` is the whole frame as received: checked, it is relayed byte for byte. */
  | { type: 'strokePreview'; preview: StrokePreview; frame: Uint8Array };

/** A frame the server refuses; the connection is closed with `closeCode`. */
export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode: CloseCode = CloseCode.protocolError,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export interface ReadLimits {
  /** Largest JSON (UTF-8 bytes) of one awareness state; larger is refused with CloseCode.forbidden. */
  awarenessStateBytes: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readMessage(frame: Uint8Array, limits: ReadLimits): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const message = readBody(decoder, limits, frame);
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message');
  return message;
}

function readBody(decoder: decoding.Decoder, limits: ReadLimits, frame: Uint8Array): ClientMessage {
  const type = read(decoder, decoding.readVarUint);
  switch (type) {
    case MessageType.sync:
      return readSync(decoder);
    case MessageType.awareness:
      return { type: 'awareness', entries: readAwarenessUpdate(read(decoder, decoding.readVarUint8Array), limits) };
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' };
    case MessageType.strokePreview:
      return {
        type: 'strokePreview',
        preview: check(() => decodeStrokePreview(decoder), 'stroke preview out of bounds or malformed'),
        frame,
      };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const syncType = read(decoder, decoding.readVarUint);
  const payload = read(decoder, decoding.readVarUint8Array);
  switch (syncType) {
    case SyncMessageType.step1:
      check(() => Y.decodeStateVector(payload), 'state vector does not decode');
      return { type: 'syncStep1', stateVector: payload };
    case SyncMessageType.step2:
      return { type: 'syncStep2', update: payload, decoded: decodeUpdate(payload) };
    case SyncMessageType.update:
      return { type: 'update', update: payload, decoded: decodeUpdate(payload) };
    default:
      throw new ProtocolError(`unknown sync message type ${syncType}`);
  }
}

function decodeUpdate(update: Uint8Array): DecodedUpdate {
  return check(() => Y.decodeUpdate(update), 'update does not decode');
}

/** True when a decoded update carries neither structs nor deletions. */
export function isEmptyUpdate({ structs, ds }: DecodedUpdate): boolean {
  return structs.length === 0 && ds.clients.size === 0;
}

export function readAwarenessUpdate(update: Uint8Array, limits: ReadLimits): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = read(decoder, decoding.readVarUint);
  const entries: AwarenessEntry[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const clientId = read(decoder, decoding.readVarUint);
    // A client's own encoder lists each client once; repeats would relay one sender's 16 KiB many times.
    if (seen.has(clientId)) throw new ProtocolError(`client ${clientId} repeated in one awareness update`);
    seen.add(clientId);
    const clock = read(decoder, decoding.readVarUint);
    const json = read(decoder, decoding.readVarUint8Array);
    if (json.byteLength > limits.awarenessStateBytes) {
      throw new ProtocolError(`awareness state of ${json.byteLength} bytes is over the limit`, CloseCode.forbidden);
    }
    entries.push({ clientId, clock, state: parseState(json), json });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the awareness update');
  return entries;
}

function parseState(json: Uint8Array): AwarenessState | null {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(json)) as unknown;
  } catch {
    throw new ProtocolError('awareness state is not JSON');
  }
  // Clients read states as objects; anything else would break every peer that receives it.
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ProtocolError('awareness state is not an object');
  return value as AwarenessState;
}

/** Reads with lib0, which throws plain errors on a truncated frame (no closure: it runs per field). */
function read<T>(decoder: decoding.Decoder, reader: (d: decoding.Decoder) => T): T {
  try {
    return reader(decoder);
  } catch {
    throw new ProtocolError('truncated or malformed frame');
  }
}

function check<T>(fn: () => T, message: string): T {
  try {
    return fn();
  } catch {
    throw new ProtocolError(message);
  }
}

export function writeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return writeSync(SyncMessageType.step1, stateVector);
}

export function writeSyncStep2(update: Uint8Array): Uint8Array {
  return writeSync(SyncMessageType.step2, update);
}

export function writeUpdate(update: Uint8Array): Uint8Array {
  return writeSync(SyncMessageType.update, update);
}

function writeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An awareness message around an encoded awareness update (see `writeAwarenessUpdate`). */
export function writeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

export function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    if (entry.json) encoding.writeVarUint8Array(encoder, entry.json);
    else encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

export function writeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.queryAwareness);
  return encoding.toUint8Array(encoder);
}
