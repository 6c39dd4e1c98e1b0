// How a bench client's y-websocket frames (wire.ts) travel to a target. Vermeboard, the reference
// server and the relay take them as they are. Hocuspocus multiplexes documents over one socket, so
// every message in either direction starts with the document's name, and a document must be
// authenticated before anything else on it is handled:
//
//   hocuspocus frame = documentName:varString messageType:varUint payload
//     types 0 sync, 1 awareness, 3 query-awareness: payload as in y-websocket
//     2 auth          client → server: 0 (token) token:varString, sent first
//                     server → client: 2 (authenticated) scope:varString | 1 (permission denied) reason:varString
//     4 sync reply    a sync message that asks for no sync step 1 back
//     5 stateless, 7 close (reason:varString), 8 sync status (the server applied the sender's update)
//
// So a y-websocket frame is a Hocuspocus frame without the name in front, but for the types only
// Hocuspocus has.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from './wire.js';

/** What a target speaks on its sockets. */
export type Protocol = 'y-websocket' | 'hocuspocus';

export interface Framing {
  /** Frames to send as soon as the socket opens, before sync step 1. */
  readonly opening: readonly Uint8Array[];
  /** One y-websocket frame as the target takes it. */
  wrap(frame: Uint8Array): Uint8Array;
  /**
   * One received frame as a y-websocket frame, or null for a message of the target's own that needs
   * no answer. Throws TargetRefusal when the target refuses or closes the document, and any other
   * error on a frame that does not parse.
   */
  unwrap(frame: Uint8Array): Uint8Array | null;
}

export class TargetRefusal extends Error {}

const plain: Framing = { opening: [], wrap: (frame) => frame, unwrap: (frame) => frame };

/** Hocuspocus' own message types and auth subtypes (@hocuspocus/server types.ts, @hocuspocus/common auth.ts). */
const HocuspocusType = { syncReply: 4, stateless: 5, close: 7, syncStatus: 8 } as const;
const AuthType = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

/** What the bench's clients send as their token; the bench's Hocuspocus accepts any. */
const HOCUSPOCUS_TOKEN = 'bench';

/**
 * Each room is one Hocuspocus document, named after the room's URL path, as the other targets key
 * their rooms.
 */
export function hocuspocusDocumentName(url: string): string {
  return new URL(url).pathname;
}

function hocuspocusFraming(documentName: string): Framing {
  const nameEncoder = encoding.createEncoder();
  encoding.writeVarString(nameEncoder, documentName);
  const prefix = encoding.toUint8Array(nameEncoder);
  const wrap = (frame: Uint8Array) => {
    const wrapped = new Uint8Array(prefix.length + frame.length);
    wrapped.set(prefix);
    wrapped.set(frame, prefix.length);
    return wrapped;
  };

  const auth = encoding.createEncoder();
  encoding.writeVarUint(auth, MessageType.auth);
  encoding.writeVarUint(auth, AuthType.token);
  encoding.writeVarString(auth, HOCUSPOCUS_TOKEN);

  return {
    opening: [wrap(encoding.toUint8Array(auth))],
    wrap,
    unwrap(frame) {
      const decoder = decoding.createDecoder(frame);
      const name = decoding.readVarString(decoder);
      if (name !== documentName) throw new Error(`message for another document: ${name}`);
      const start = decoder.pos;
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.sync:
        case MessageType.awareness:
        case MessageType.queryAwareness:
          return frame.subarray(start);
        case HocuspocusType.syncReply: {
          // The same sync message under another type byte (both types fit in one byte).
          const sync = frame.slice(start);
          sync[0] = MessageType.sync;
          return sync;
        }
        case MessageType.auth: {
          const authType = decoding.readVarUint(decoder);
          if (authType === AuthType.permissionDenied)
            throw new TargetRefusal(`permission denied: ${decoding.readVarString(decoder)}`);
          // Authenticated, or a request to send the token again (only on a server's own initiative).
          return null;
        }
        case HocuspocusType.close:
          throw new TargetRefusal(`document closed: ${decoding.readVarString(decoder)}`);
        case HocuspocusType.syncStatus:
        case HocuspocusType.stateless:
          return null;
        default:
          throw new Error(`unknown Hocuspocus message type ${type}`);
      }
    },
  };
}

export function framingFor(protocol: Protocol, url: string): Framing {
  return protocol === 'hocuspocus' ? hocuspocusFraming(hocuspocusDocumentName(url)) : plain;
}
