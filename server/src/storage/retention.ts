// The confidentiality sweep: a group may choose to have a meeting's board, session and private notes
// deleted N days after the meeting ends, and the between-meetings stream's posts N days after they
// were posted. This timer runs the storage purges at start and then every
// interval (hourly in the server); the purge itself is idempotent, so a missed or repeated sweep does
// no harm.
import type { Logger } from 'pino';
import type { MeetingId } from '@vermeboard/shared';
import type { Storage } from './Storage.js';

export interface RetentionSweeper {
  /** Runs one sweep now (also what the timer calls). */
  sweep(now?: Date): Promise<MeetingId[]>;
  stop(): void;
}

export function startRetentionSweeper(
  storage: Pick<Storage, 'purgeExpiredMeetings' | 'purgeExpiredStreamPosts'>,
  logger: Logger,
  intervalMs: number,
  /** Told which meetings were purged, e.g. to close connections still open on their documents. */
  onPurged: (meetingIds: MeetingId[]) => void = () => {},
): RetentionSweeper {
  let running: Promise<MeetingId[]> | null = null;

  async function sweep(now = new Date()): Promise<MeetingId[]> {
    // One sweep at a time: a slow purge must not overlap the next tick.
    running ??= (async () => {
      try {
        const purged = await storage.purgeExpiredMeetings(now);
        // The between-meetings stream keeps to the same number of days, counted from each post.
        const posts = await storage.purgeExpiredStreamPosts(now);
        if (posts > 0) logger.info({ posts }, 'deleted stream posts past their retention');
        if (purged.length > 0) {
          logger.info({ meetings: purged.length }, 'deleted the boards of meetings past their retention');
          onPurged(purged);
        }
        return purged;
      } catch (err) {
        logger.error({ err }, 'retention sweep failed');
        return [];
      } finally {
        running = null;
      }
    })();
    return running;
  }

  // At start too: a server restarted more often than the interval would otherwise never purge.
  void sweep();
  const timer = setInterval(() => void sweep(), intervalMs);
  // The sweep must not keep the process alive on its own.
  timer.unref();
  return {
    sweep,
    stop: () => clearInterval(timer),
  };
}
