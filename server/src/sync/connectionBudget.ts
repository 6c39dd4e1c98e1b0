// What one sync connection may send, as token buckets. Past any of them the connection is closed
// with CloseCode.rateLimited: a script that floods a room must not slow down the people in it, nor
// the other rooms on the server. The defaults were set from what the real client sends (measured in
// Chromium: dragging a selection of 30 shapes while another person moved their cursor): at most 64
// frames a second (an update per animation frame, ~12 KB each for 30 shapes, plus presence every
// 50 ms) and 585 KB a second. Messages get 3× that; bytes 1 MiB/s sustained with a burst of 8 MiB,
// so that even dragging 100 shapes (~2.4 MB/s) for several seconds passes.
//
// Sync step 1 and query-awareness are budgeted on their own because their answers are large for a
// tiny request: a 4-byte step 1 with an empty state vector asks for the whole board, a 1-byte query
// for every presence state. An honest client sends one step 1 per connection and no query at all.
//
// y-websocket clients send back every presence change they receive (AwarenessOwners.ts), so an
// honest client's awareness frames grow with the size of its room. Those echoes change nothing and
// are not relayed: they count against the bytes budget only, and an awareness frame counts as a
// message when it changed something.
import { CloseCode } from '@vermeboard/shared';
import type { ClientMessage } from './protocol.js';
import { ProtocolError } from './protocol.js';
import { TokenBucket } from './tokenBucket.js';

export interface SyncBudgets {
  /** Messages per second (awareness frames only when they change something); a burst of twice that is allowed. */
  messagesPerSecond: number;
  /** Bytes of frames per second (updates and awareness); a burst of eight seconds' worth, at least one largest frame. */
  bytesPerSecond: number;
  /** Sync step 1 requests per minute, all of which may come at once. */
  syncStep1PerMinute: number;
  /** Query-awareness requests per minute, all of which may come at once. */
  queryAwarenessPerMinute: number;
}

export const syncBudgetDefaults: SyncBudgets = {
  messagesPerSecond: 200,
  bytesPerSecond: 1024 * 1024,
  syncStep1PerMinute: 10,
  queryAwarenessPerMinute: 10,
};

const messageBurstSeconds = 2;
const byteBurstSeconds = 8;

export class ConnectionBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly step1: TokenBucket;
  private readonly queries: TokenBucket;

  constructor(budgets: SyncBudgets, maxFrameBytes: number, now?: () => number) {
    const b = budgets;
    this.messages = TokenBucket.perSecond(b.messagesPerSecond * messageBurstSeconds, b.messagesPerSecond, now);
    const byteBurst = Math.max(b.bytesPerSecond * byteBurstSeconds, maxFrameBytes);
    this.bytes = TokenBucket.perSecond(byteBurst, b.bytesPerSecond, now);
    this.step1 = TokenBucket.perSecond(b.syncStep1PerMinute, b.syncStep1PerMinute / 60, now);
    this.queries = TokenBucket.perSecond(b.queryAwarenessPerMinute, b.queryAwarenessPerMinute / 60, now);
  }

  /** Charges one received frame; throws a ProtocolError (rateLimited) once a budget is spent. */
  charge(type: ClientMessage['type'], frameBytes: number): void {
    if (!this.bytes.take(frameBytes)) throw limited('bytes');
    if (type !== 'awareness') this.chargeMessage();
    if (type === 'syncStep1' && !this.step1.take()) throw limited('sync step 1 requests');
    if (type === 'queryAwareness' && !this.queries.take()) throw limited('awareness queries');
  }

  /** Charges one message; for an awareness frame once it changed something. */
  chargeMessage(): void {
    if (!this.messages.take()) throw limited('messages');
  }
}

function limited(what: string): ProtocolError {
  return new ProtocolError(`over the budget of ${what}`, CloseCode.rateLimited);
}
