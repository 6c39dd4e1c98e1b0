// What the client benchmarks read off the wire: the y-websocket frames one browser receives, seen
// through the Chrome DevTools Protocol (Network.webSocketFrameReceived), not through the page.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { joinByLink } from '../flows.js';
import * as decoding from 'lib0/decoding';

export interface ReceivedFrame {
  /** Milliseconds since the recorder started. */
  at: number;
  /** False for a frame the page sent (kept to rebuild its document; never counted as received). */
  received: boolean;
  /** The socket's URL path (e.g. `/sync/meeting/<id>/board`). */
  path: string;
  bytes: Uint8Array;
  /** 'update' and 'step2' carry document changes; 'awareness' presence; 'preview' a stroke being drawn. */
  kind: 'step1' | 'step2' | 'update' | 'awareness' | 'preview' | 'other';
}

export class FrameRecorder {
  readonly frames: ReceivedFrame[] = [];
  private readonly started = performance.now();

  private constructor(private readonly session: CDPSession) {}

  /** Records every binary WebSocket frame `page` receives from now on. */
  static async attach(page: Page): Promise<FrameRecorder> {
    const session = await page.context().newCDPSession(page);
    const recorder = new FrameRecorder(session);
    const paths = new Map<string, string>();
    session.on('Network.webSocketCreated', ({ requestId, url }) => paths.set(requestId, new URL(url).pathname));
    const record = (received: boolean, requestId: string, response: { opcode: number; payloadData: string }) => {
      // Opcode 2: binary, base64 in payloadData. Text frames are not part of the protocol.
      if (response.opcode !== 2) return;
      const bytes = Buffer.from(response.payloadData, 'base64');
      const path = paths.get(requestId) ?? '';
      const at = performance.now() - recorder.started;
      recorder.frames.push({ at, received, path, bytes, kind: kindOf(bytes) });
    };
    session.on('Network.webSocketFrameReceived', ({ requestId, response }) => record(true, requestId, response));
    session.on('Network.webSocketFrameSent', ({ requestId, response }) => record(false, requestId, response));
    await session.send('Network.enable');
    return recorder;
  }

  now(): number {
    return performance.now() - this.started;
  }

  /** The frames received between two times of `now()`, on every socket or on those whose path ends so. */
  between(from: number, to: number, pathEnd = ''): ReceivedFrame[] {
    return this.frames.filter(
      (frame) => frame.received && frame.at >= from && frame.at <= to && frame.path.endsWith(pathEnd),
    );
  }

  async detach(): Promise<void> {
    await this.session.detach();
  }
}

/** Joins a meeting by link in a fresh context whose received frames are recorded from the first one. */
export async function joinRecorded(browser: Browser, link: string, name: string) {
  let recorder: FrameRecorder | null = null;
  const joined = await joinByLink(browser, link, name, async (page) => {
    recorder = await FrameRecorder.attach(page);
  });
  return { ...joined, wire: recorder! as FrameRecorder };
}

function kindOf(bytes: Uint8Array): ReceivedFrame['kind'] {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === 1) return 'awareness';
    if (type === 4) return 'preview';
    if (type !== 0) return 'other';
    const sub = decoding.readVarUint(decoder);
    return sub === 0 ? 'step1' : sub === 1 ? 'step2' : sub === 2 ? 'update' : 'other';
  } catch {
    return 'other';
  }
}

/** The Yjs update a sync frame carries. */
export function updateOf(frame: ReceivedFrame): Uint8Array {
  const decoder = decoding.createDecoder(frame.bytes);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

export const sum = (frames: readonly ReceivedFrame[]) => frames.reduce((n, f) => n + f.bytes.byteLength, 0);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
