// Mail between meetings and the summer break (README "The group between meetings"): a member's
// own mail address for notifications (optional, personal, never shown to anyone else), the break
// a facilitator marks, and the "where we were" card that reopens the process after a break or
// welcomes someone who joined mid-way.
import { z } from 'zod';
import { meetingIdSchema } from '../ids.js';
import { isoDateSchema } from './text.js';

export const notificationLimits = {
  /** RFC 5321's limit on a forward path. */
  addressLength: 254,
  /** Lines of the last summary the card recalls. */
  highlights: 8,
  /** Past summaries the card links to. */
  summaries: 20,
  /** A break is a summer or a long holiday, not a season. */
  breakDays: 200,
} as const;

/** One mailbox, `name@domain.tld`: no display names, no lists, no header-breaking characters. */
export const mailAddressSchema = z
  .string()
  .trim()
  .max(notificationLimits.addressLength, `must be at most ${notificationLimits.addressLength} characters`)
  .pipe(z.email('must be an email address like name@example.org'));

export const mailAddressBody = z.object({ address: mailAddressSchema });
export type MailAddressBody = z.infer<typeof mailAddressBody>;

/** The caller's own notification settings; `address` is only ever the caller's. */
export const mailSettingsResponseSchema = z.object({
  /** False when the server has no SMTP configured: nothing is sent and no address is kept. */
  enabled: z.boolean(),
  address: z.string().nullable(),
});
export type MailSettingsResponse = z.infer<typeof mailSettingsResponseSchema>;

export const groupBreakSchema = z.object({ from: isoDateSchema, to: isoDateSchema });
export type GroupBreak = z.infer<typeof groupBreakSchema>;

export const groupBreakBody = z.object({
  break: groupBreakSchema
    .refine((b) => b.from <= b.to, { message: 'the break must end on or after its first day', path: ['to'] })
    .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= notificationLimits.breakDays * 86_400_000, {
      message: `a break lasts at most ${notificationLimits.breakDays} days`,
      path: ['to'],
    })
    .nullable(),
});
export type GroupBreakBody = z.infer<typeof groupBreakBody>;

export const groupBreakResponseSchema = z.object({ break: groupBreakSchema.nullable() });
export type GroupBreakResponse = z.infer<typeof groupBreakResponseSchema>;

/** Why the card is shown: the first meeting after a break, or a newcomer who missed meetings. */
export const whereWeWereReasonSchema = z.enum(['afterBreak', 'newcomer']);
export type WhereWeWereReason = z.infer<typeof whereWeWereReasonSchema>;

export const whereWeWereSchema = z.object({
  /** Null when there is nothing to recall for this caller now. */
  reason: whereWeWereReasonSchema.nullable(),
  /** The caller joined after the group had ended meetings (their welcome shows the card). */
  newcomer: z.boolean(),
  /** The break it follows, when there was one. */
  break: groupBreakSchema.nullable(),
  /** The last ended meeting with a summary. */
  lastMeetingId: meetingIdSchema.nullable(),
  highlights: z.array(z.string()),
  goals: z.array(z.string()),
  openActionItems: z.array(
    z.object({ text: z.string(), ownerName: z.string().nullable(), dueDate: z.string().nullable() }),
  ),
  /** Ended meetings, newest first, for links to their summaries. */
  summaries: z.array(z.object({ meetingId: meetingIdSchema, endedAt: z.string() })),
});
export type WhereWeWere = z.infer<typeof whereWeWereSchema>;

/**
 * The token of a mail's "stop these mails" link (RFC 8058 one-click unsubscribe):
 * `<group id>.<participant id>.<id mac>.<address mac>`, each mac 128 bits of an HMAC with the server
 * secret in URL-safe base64. The first mac vouches for the ids, the second for the address the mail
 * went to, so a link stops working once its owner changed or removed the address.
 */
export const mailStopTokenSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]{8,64}\.[A-Za-z0-9_-]{8,64}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/, 'invalid token');

/** The page a mail's stop link opens; the token rides in the fragment, which no server sees. */
export const mailStopPagePath = (token: string) => `/mail/stop#${token}`;
/** The one-click endpoint (POST) that the List-Unsubscribe header names. */
export const mailStopApiPath = (token: string) => `/api/mail/unsubscribe?t=${token}`;

/** `stopped`: the address was removed now; `alreadyStopped`: there was none to remove. */
export const mailStopResponseSchema = z.object({ result: z.enum(['stopped', 'alreadyStopped']) });
export type MailStopResponse = z.infer<typeof mailStopResponseSchema>;
