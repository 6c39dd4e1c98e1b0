// Quick reactions travel through the session document's SESSION_REACTIONS_KEY list (wire.ts): the
// server keeps the last few, and a browser shows those newer than the last one it showed and still
// recent, ignoring whatever was there when it connected.
import { recentReactionSchema, type RecentReaction } from '@vermeboard/shared';

/** How long a reaction floats on screen, and how old one may be to be shown at all. */
export const reactionShowMs = 4000;

export function parseReactions(value: unknown): RecentReaction[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = recentReactionSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Reactions to show now; `lastSeq` null means this is the first list seen (show none of it). */
export function freshReactions(
  list: readonly RecentReaction[],
  lastSeq: number | null,
  serverNow: number,
): RecentReaction[] {
  if (lastSeq === null) return [];
  return list.filter((r) => r.seq > lastSeq && serverNow - r.at < reactionShowMs);
}

export function highestSeq(list: readonly RecentReaction[], previous: number | null): number {
  return list.reduce((max, r) => Math.max(max, r.seq), previous ?? 0);
}
