// The SQLite side of the between-meetings stream (StreamStore in BetweenStore.ts).
import type Database from 'better-sqlite3';
import type { ParticipantId, StreamPostId } from '@vermeboard/shared';
import type { StreamPostRecord, StreamStore } from './BetweenStore.js';
import { streamSelect, toStreamPost, type StreamRow } from './betweenRows.js';

export function createSqliteStreamStore(db: Database.Database): StreamStore {
  const q = {
    count: db.prepare('SELECT COUNT(*) AS n FROM stream_posts WHERE group_id = ?'),
    parent: db.prepare('SELECT group_id, parent_id FROM stream_posts WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO stream_posts (id, group_id, parent_id, participant_id, text, created_at, pinned_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL)`,
    ),
    get: db.prepare(`${streamSelect} WHERE s.id = ?`),
    list: db.prepare(`${streamSelect} WHERE s.group_id = ? ORDER BY s.created_at, s.id`),
    listSince: db.prepare(`${streamSelect} WHERE s.group_id = ? AND s.created_at > ? ORDER BY s.created_at, s.id`),
    delete: db.prepare('DELETE FROM stream_posts WHERE id = ?'),
    pin: db.prepare('UPDATE stream_posts SET pinned_at = ? WHERE id = ?'),
    thank: db.prepare('INSERT OR IGNORE INTO stream_thanks (post_id, participant_id) VALUES (?, ?)'),
    unthank: db.prepare('DELETE FROM stream_thanks WHERE post_id = ? AND participant_id = ?'),
    thanks: db.prepare(
      `SELECT t.post_id, t.participant_id FROM stream_thanks t JOIN stream_posts s ON s.id = t.post_id
       WHERE s.group_id = ? ORDER BY s.created_at`,
    ),
    expired: db.prepare(
      `DELETE FROM stream_posts WHERE id IN (
         SELECT s.id FROM stream_posts s JOIN groups g ON g.id = s.group_id
         WHERE g.delete_boards_after_days IS NOT NULL
           AND julianday(s.created_at) + g.delete_boards_after_days < julianday(?))`,
    ),
  };
  const add = db.transaction((post: Omit<StreamPostRecord, 'authorName' | 'pinnedAt'>, max: number) => {
    if (post.parentId !== null) {
      const parent = q.parent.get(post.parentId) as { group_id: string; parent_id: string | null } | undefined;
      if (parent?.group_id !== post.groupId || parent.parent_id !== null) return 'noParent' as const;
    }
    if ((q.count.get(post.groupId) as { n: number }).n >= max) return 'full' as const;
    q.insert.run(post.id, post.groupId, post.parentId, post.participantId, post.text, post.createdAt);
    return 'added' as const;
  });
  return {
    async addStreamPost(post, max) {
      return add(post, max);
    },
    async getStreamPost(id) {
      const row = q.get.get(id) as StreamRow | undefined;
      return row ? toStreamPost(row) : null;
    },
    async listStreamPosts(groupId, since) {
      const rows = (since === undefined ? q.list.all(groupId) : q.listSince.all(groupId, since)) as StreamRow[];
      return rows.map(toStreamPost);
    },
    async deleteStreamPost(id) {
      q.delete.run(id);
    },
    async pinStreamPost(id, pinnedAt) {
      q.pin.run(pinnedAt, id);
    },
    async setStreamThanks(postId, participantId, on) {
      (on ? q.thank : q.unthank).run(postId, participantId);
    },
    async listStreamThanks(groupId) {
      return (q.thanks.all(groupId) as { post_id: string; participant_id: string }[]).map((r) => ({
        postId: r.post_id as StreamPostId,
        participantId: r.participant_id as ParticipantId,
      }));
    },
    async purgeExpiredStreamPosts(now) {
      return q.expired.run(now.toISOString()).changes;
    },
  };
}
