// Mail between meetings (README "The group between meetings"): the booked date with its .ics when
// the facilitator books a meeting, a reminder the day before a planned meeting, and a weekly digest
// of the stream with the open action items. Everything goes through the outbox in the database
// (NotifyStore.ts): a mail is queued once per person and occasion, so a sweep that runs twice, or a
// restart, sends nothing twice; a failed send is retried on the next tick, a bounded number of times.
// Nothing here ever throws into a request: failures are logged.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import {
  mailStopApiPath,
  mailStopPagePath,
  type GroupId,
  type GroupLocale,
  type ParticipantId,
} from '@vermeboard/shared';
import { groupTimeZone, todayIn } from '../between/seasonPlan.js';
import { calendarText, meetingStart, renderCalendar } from '../calendar/ics.js';
import type { PlannedMeetingRecord } from '../storage/BetweenStore.js';
import type { PendingMail } from '../storage/NotifyStore.js';
import type { Storage } from '../storage/Storage.js';
import type { Mailer } from './mailer.js';
import { digestMail, mailText, meetingMail, withStopLine, type MeetingLines } from './mailText.js';

export const mailLimits = {
  /** A mail that failed this many times is given up (and logged). */
  attempts: 5,
  /** Mails sent per minute at most, whatever queued them. */
  perMinute: 30,
  /** Stream posts one digest lists. */
  digestPosts: 30,
} as const;

export interface Notifications {
  /** False without SMTP: nothing is queued and no address is kept. */
  enabled: boolean;
  /** The facilitator booked (or moved, or confirmed) a meeting: mail everyone with an address. Never throws. */
  booked(planned: PlannedMeetingRecord): void;
  /** Queues the reminders and digests due at `now`, then sends what is waiting. */
  sweep(now?: Date): Promise<void>;
  /** Resolves once nothing is being queued or sent. */
  idle(): Promise<void>;
  stop(): void;
}

export const mailOff: Notifications = {
  enabled: false,
  booked: () => undefined,
  sweep: async () => undefined,
  idle: async () => undefined,
  stop: () => undefined,
};

const localeTags: Record<GroupLocale, string> = { en: 'en-GB', fi: 'fi-FI', sv: 'sv-SE' };

/** A planned meeting's start as the group's locale writes it, with the zone's name. */
export function formatMeetingTime(
  m: Pick<PlannedMeetingRecord, 'date' | 'time'>,
  timeZone: string,
  locale: GroupLocale,
): string {
  const start = meetingStart(m, timeZone).setLocale(localeTags[locale]);
  return `${start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })} (${timeZone})`;
}

/** What a mail needs to link to the page that stops it (PUBLIC_URL); without it mails carry no link. */
export interface StopLinks {
  /** The server's public origin, e.g. `https://vermeboard.example.org`. */
  publicUrl: string;
  /** The stop token for this person and address (Auth.mailStopToken). */
  token(groupId: GroupId, participantId: ParticipantId, address: string): string;
}

interface GroupMailContext {
  groupId: GroupId;
  name: string;
  locale: GroupLocale;
  timeZone: string;
}

export function createNotifications({
  storage,
  mailer,
  logger,
  stopLinks = null,
  tickMs = 60_000,
  sweepMs = 15 * 60_000,
}: {
  storage: Storage;
  mailer: Mailer;
  logger: Logger;
  stopLinks?: StopLinks | null;
  /** How often waiting mail is sent (and failed mail retried). */
  tickMs?: number;
  /** How often reminders and digests are looked for. */
  sweepMs?: number;
}): Notifications {
  const busy = new Set<Promise<unknown>>();
  let sending: Promise<void> | null = null;
  let sendAgain = false;
  let windowStart = 0;
  let sentInWindow = 0;

  function track<T>(p: Promise<T>): Promise<T> {
    busy.add(p);
    void p.finally(() => busy.delete(p)).catch(() => undefined);
    return p;
  }

  async function contextOf(groupId: GroupId): Promise<GroupMailContext | null> {
    const [group, settings] = await Promise.all([storage.getGroup(groupId), storage.getGroupSettings(groupId)]);
    if (!group || !settings) return null;
    return { groupId, name: group.name, locale: settings.locale, timeZone: await groupTimeZone(storage, groupId) };
  }

  function linesOf(ctx: GroupMailContext, m: PlannedMeetingRecord): MeetingLines {
    return {
      group: ctx.name,
      when: formatMeetingTime(m, ctx.timeZone, ctx.locale),
      theme: m.theme,
      place: m.place,
    };
  }

  async function queue(
    ctx: GroupMailContext,
    key: string,
    subject: string,
    text: string,
    attachment: Parameters<Storage['enqueueMail']>[0]['attachment'] = null,
  ): Promise<number> {
    let queued = 0;
    const createdAt = new Date().toISOString();
    for (const r of await storage.listMailRecipients(ctx.groupId)) {
      const id = randomUUID();
      const mail = {
        id,
        groupId: ctx.groupId,
        participantId: r.participantId,
        key,
        subject,
        text,
        attachment,
        createdAt,
      };
      if (await storage.enqueueMail(mail)) queued++;
    }
    return queued;
  }

  async function queueBooked(planned: PlannedMeetingRecord): Promise<void> {
    const ctx = await contextOf(planned.groupId);
    if (!ctx) return;
    const t = mailText[ctx.locale];
    const lines = linesOf(ctx, planned);
    const ics = renderCalendar({
      groupName: ctx.name,
      timeZone: ctx.timeZone,
      text: calendarText[ctx.locale],
      meetings: [planned],
      uidDomain: 'vermeboard',
      feed: false,
    });
    // The key holds the time: a meeting moved to another time is news again.
    await queue(
      ctx,
      `booked:${planned.id}:${planned.date}T${planned.time}`,
      t.bookedSubject(lines),
      meetingMail(t, lines, t.bookedIntro(lines), true),
      { filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
    );
  }

  async function sweepGroup(groupId: GroupId, now: Date): Promise<void> {
    const ctx = await contextOf(groupId);
    if (!ctx) return;
    const local = DateTime.fromJSDate(now).setZone(ctx.timeZone);
    const today = todayIn(ctx.timeZone, now);
    const pause = await storage.getGroupBreak(groupId);
    // During the break the group rests: no reminders, no digests.
    if (pause && pause.from <= today && today <= pause.to) return;
    // Nothing before nine in the morning, the group's time.
    if (local.hour < 9) return;
    const t = mailText[ctx.locale];
    const plan = await storage.listPlannedMeetings(groupId);
    const tomorrow = local.plus({ days: 1 }).toISODate();
    for (const m of plan.filter((p) => p.date === tomorrow)) {
      const lines = linesOf(ctx, m);
      await queue(
        ctx,
        `reminder:${m.id}:${m.date}`,
        t.reminderSubject(lines),
        meetingMail(t, lines, t.reminderIntro(lines), false),
      );
    }
    // The weekly digest: the first sweep from Monday 09:00 on, and only when the stream has news.
    const since = local.minus({ days: 7 }).toUTC().toISO()!;
    const posts = (await storage.listStreamPosts(groupId, since)).slice(-mailLimits.digestPosts);
    if (posts.length === 0) return;
    const items = await storage.listActionItems(groupId, true);
    const next = plan.find((p) => p.date >= today);
    await queue(
      ctx,
      `digest:${local.toFormat("kkkk-'W'WW")}`,
      t.digestSubject(ctx.name),
      digestMail(t, {
        group: ctx.name,
        posts: posts.map((p) => ({ author: p.authorName, text: p.text, reply: p.parentId !== null })),
        actionItems: items.map((a) => ({ text: a.text, owner: a.ownerName, due: a.dueDate })),
        next: next ? formatMeetingTime(next, ctx.timeZone, ctx.locale) : null,
      }),
    );
  }

  /**
   * The text with its stop link, and the one-click address, made now from the address the mail goes
   * to (never stored with the text): a link in a mail always belongs to the address it reached.
   */
  async function stopParts(mail: PendingMail, locales: Map<GroupId, Promise<GroupLocale>>) {
    if (!stopLinks) return { text: mail.text, unsubscribeUrl: null };
    const token = stopLinks.token(mail.groupId, mail.participantId, mail.address);
    let locale = locales.get(mail.groupId);
    if (!locale) {
      locale = storage.getGroupSettings(mail.groupId).then((s) => s?.locale ?? 'en');
      locales.set(mail.groupId, locale);
    }
    return {
      text: withStopLine(mailText[await locale], mail.text, stopLinks.publicUrl + mailStopPagePath(token)),
      unsubscribeUrl: stopLinks.publicUrl + mailStopApiPath(token),
    };
  }

  /** Sends waiting mail within the per-minute budget; one run at a time, a kick during one runs it again. */
  function deliver(): Promise<void> {
    if (sending) {
      sendAgain = true;
      return sending;
    }
    sending = track(
      (async () => {
        do {
          sendAgain = false;
          const nowMs = Date.now();
          if (nowMs - windowStart >= 60_000) {
            windowStart = nowMs;
            sentInWindow = 0;
          }
          const budget = mailLimits.perMinute - sentInWindow;
          if (budget <= 0) break;
          const pending = await storage.listPendingMail(mailLimits.attempts, budget);
          const locales = new Map<GroupId, Promise<GroupLocale>>();
          for (const mail of pending) {
            sentInWindow++;
            const at = new Date().toISOString();
            try {
              await mailer.send({
                to: mail.address,
                subject: mail.subject,
                attachment: mail.attachment,
                ...(await stopParts(mail, locales)),
              });
              await storage.markMailSent(mail.id, at);
            } catch (err) {
              await storage.markMailFailed(mail.id, at, mailLimits.attempts);
              const last = mail.attempts + 1 >= mailLimits.attempts;
              // The address is the owner's alone: the log names the mail, not whom it was for.
              logger[last ? 'error' : 'warn'](
                { err, mailId: mail.id, attempt: mail.attempts + 1 },
                last ? 'gave up sending a mail' : 'sending a mail failed; it is retried',
              );
            }
          }
        } while (sendAgain);
      })()
        .catch((err: unknown) => logger.error({ err }, 'the mail outbox could not be read'))
        .finally(() => {
          sending = null;
        }),
    );
    return sending;
  }

  /** Sweeps run one after another, each with its own `now` (a test's, or the timer's). */
  let sweeps: Promise<void> = Promise.resolve();
  function sweep(now = new Date()): Promise<void> {
    sweeps = track(
      sweeps.then(async () => {
        try {
          for (const groupId of await storage.listGroupsWithMail()) {
            try {
              await sweepGroup(groupId, now);
            } catch (err) {
              logger.error({ err, groupId }, 'queuing the group’s reminders failed');
            }
          }
          await deliver();
        } catch (err) {
          logger.error({ err }, 'mail sweep failed');
        }
      }),
    );
    return sweeps;
  }

  void sweep();
  const sweepTimer = setInterval(() => void sweep(), sweepMs);
  const tickTimer = setInterval(() => void deliver(), tickMs);
  sweepTimer.unref();
  tickTimer.unref();

  return {
    enabled: true,
    booked(planned) {
      void track(
        queueBooked(planned)
          .then(() => deliver())
          .catch((err: unknown) => logger.error({ err, plannedId: planned.id }, 'queuing the booking mail failed')),
      );
    },
    sweep,
    async idle() {
      while (busy.size > 0) await Promise.allSettled([...busy]);
    },
    stop() {
      clearInterval(sweepTimer);
      clearInterval(tickTimer);
      mailer.close();
    },
  };
}
