// The facilitation state inside a `meeting/<id>/session` document (layout in shared wire.ts), read
// and written by the server only. A state that does not parse is never trusted: the meeting starts
// over from a fresh session rather than crashing or acting on it.
import type * as Y from 'yjs';
import {
  createSession,
  maxRecentReactions,
  recentReactionSchema,
  SESSION_MAP,
  SESSION_REACTIONS_KEY,
  SESSION_STATE_KEY,
  sessionStateSchema,
  type Effect,
  type RecentReaction,
  type SessionState,
} from '@vermeboard/shared';
import { z } from 'zod';

const recentReactionsSchema = z.array(recentReactionSchema);

/** The stored state; a fresh session when there is none, or when it is corrupt (then `onCorrupt` is told). */
export function readSession(doc: Y.Doc, onCorrupt: (error: z.ZodError) => void): SessionState {
  const stored: unknown = doc.getMap<unknown>(SESSION_MAP).get(SESSION_STATE_KEY);
  if (stored === undefined) return createSession();
  const parsed = sessionStateSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  onCorrupt(parsed.error);
  return createSession();
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
