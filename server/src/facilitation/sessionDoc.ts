// The facilitation state inside a `meeting/<id>/session` document (layout in shared wire.ts), read
// and written by the server only. A stored state from an older server is migrated on read (shared
// `sessionFormat`); one that cannot be read is quarantined: left in the document exactly as it is,
// and nothing is written over it.
import type * as Y from 'yjs';
import {
  createSession,
  maxRecentReactions,
  recentReactionSchema,
  SESSION_MAP,
  SESSION_REACTIONS_KEY,
  SESSION_STATE_KEY,
  sessionFormat,
  type Effect,
  type KeptRooms,
  type ReadResult,
  type RecentReaction,
  type SessionState,
} from '@vermeboard/shared';
import { z } from 'zod';

const recentReactionsSchema = z.array(recentReactionSchema);

/** The stored state (migrated to today's version), a fresh session when there is none, or why it cannot be read. */
export function readSession(doc: Y.Doc): ReadResult<SessionState> {
  const stored: unknown = doc.getMap<unknown>(SESSION_MAP).get(SESSION_STATE_KEY);
  if (stored === undefined) return { ok: true, value: createSession(), migratedFrom: null };
  return sessionFormat.read(stored);
}

/** What a command on a meeting with an unreadable session is told. */
export const quarantinedSession =
  'this meeting’s session was stored in a form this server cannot read; it is kept as it was and cannot be changed';

/** A new meeting's session, unless the document already holds one (readable or not). */
/** Writes a new meeting's session, carrying over the breakout rooms its group kept last time. */
export function writeFreshSession(doc: Y.Doc, keptRooms: KeptRooms = []): void {
  if (doc.getMap<unknown>(SESSION_MAP).has(SESSION_STATE_KEY)) return;
  writeSession(doc, { ...createSession(), ...(keptRooms.length > 0 ? { keptRooms } : {}) });
}

export function writeSession(doc: Y.Doc, state: SessionState): void {
  // Through JSON so that optional fields left undefined are not stored as `undefined` values.
  doc.getMap<unknown>(SESSION_MAP).set(SESSION_STATE_KEY, JSON.parse(JSON.stringify(state)) as unknown);
}

type ReactionEffect = Extract<Effect, { kind: 'reaction' }>;

/** Appends reactions to the bounded recent-reactions list, numbering them on from the last one. */
export function appendReactions(doc: Y.Doc, reactions: readonly ReactionEffect[]): void {
  if (reactions.length === 0) return;
  const map = doc.getMap<unknown>(SESSION_MAP);
  const parsed = recentReactionsSchema.safeParse(map.get(SESSION_REACTIONS_KEY));
  const recent: RecentReaction[] = parsed.success ? parsed.data : [];
  let seq = recent.at(-1)?.seq ?? 0;
  for (const r of reactions) {
    recent.push({ seq: ++seq, participantId: r.participantId, reaction: r.reaction, at: r.at });
  }
  map.set(SESSION_REACTIONS_KEY, recent.slice(-maxRecentReactions));
}
