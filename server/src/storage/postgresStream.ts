// The PostgreSQL side of the between-meetings stream (StreamStore in BetweenStore.ts).
import type { ParticipantId, StreamPostId } from '@vermeboard/shared';
import type { StreamStore } from './BetweenStore.js';
import { streamSelect, toStreamPost, type StreamRow } from './betweenRows.js';
import type { Db } from './postgresDb.js';

export function createPostgresStreamStore(db: Db): StreamStore {
  const { pool } = db;
  return {
    async addStreamPost(post, max) {
      return db.transaction(async (c) => {
        // The group row's lock makes two posts of one group count one after the other.
        await c.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [post.groupId]);
        if (post.parentId !== null) {
          const parent = await c.query<{ group_id: string; parent_id: string | null }>(
            'SELECT group_id, parent_id FROM stream_posts WHERE id = $1',
            [post.parentId],
          );
          const p = parent.rows[0];
          if (p?.group_id !== post.groupId || p.parent_id !== null) return 'noParent' as const;
        }
        const n = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM stream_posts WHERE group_id = $1', [
          post.groupId,
        ]);
        if (n.rows[0]!.n >= max) return 'full' as const;
        await c.query(
          `INSERT INTO stream_posts (id, group_id, parent_id, participant_id, text, created_at, pinned_at)
           VALUES ($1, $2, $3, $4, $5, $6, NULL)`,
          [post.id, post.groupId, post.parentId, post.participantId, post.text, post.createdAt],
        );
        return 'added' as const;
      });
    },
    async getStreamPost(id) {
      const { rows } = await pool.query<StreamRow>(`${streamSelect} WHERE s.id = $1`, [id]);
      return rows[0] ? toStreamPost(rows[0]) : null;
    },
    async listStreamPosts(groupId, since) {
      const { rows } =
        since === undefined
          ? await pool.query<StreamRow>(`${streamSelect} WHERE s.group_id = $1 ORDER BY s.created_at, s.id`, [groupId])
          : await pool.query<StreamRow>(
              `${streamSelect} WHERE s.group_id = $1 AND s.created_at > $2 ORDER BY s.created_at, s.id`,
              [groupId, since],
            );
      return rows.map(toStreamPost);
    },
    async deleteStreamPost(id) {
      await pool.query('DELETE FROM stream_posts WHERE id = $1', [id]);
    },
    async pinStreamPost(id, pinnedAt) {
      await pool.query('UPDATE stream_posts SET pinned_at = $1 WHERE id = $2', [pinnedAt, id]);
    },
    async setStreamThanks(postId, participantId, on) {
      await pool.query(
        on
          ? 'INSERT INTO stream_thanks (post_id, participant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
          : 'DELETE FROM stream_thanks WHERE post_id = $1 AND participant_id = $2',
        [postId, participantId],
      );
    },
    async listStreamThanks(groupId) {
      const { rows } = await pool.query<{ post_id: StreamPostId; participant_id: ParticipantId }>(
        `SELECT t.post_id, t.participant_id FROM stream_thanks t JOIN stream_posts s ON s.id = t.post_id
         WHERE s.group_id = $1 ORDER BY s.created_at`,
        [groupId],
      );
      return rows.map((r) => ({ postId: r.post_id, participantId: r.participant_id }));
    },
    async purgeExpiredStreamPosts(now) {
      const r = await pool.query(
        `DELETE FROM stream_posts s USING groups g
         WHERE g.id = s.group_id AND g.delete_boards_after_days IS NOT NULL
           AND s.created_at::timestamptz + make_interval(days => g.delete_boards_after_days) < $1::timestamptz`,
        [now.toISOString()],
      );
      return r.rowCount ?? 0;
    },
  };
}
