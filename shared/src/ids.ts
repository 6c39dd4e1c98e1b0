// Branded identifiers. Mixing a GroupId up with a MeetingId is a bug the compiler should catch,
// so every id that crosses a boundary is parsed from `unknown` into its brand.
import { z } from 'zod';

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type GroupId = Brand<string, 'GroupId'>;
export type MeetingId = Brand<string, 'MeetingId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;

/** Ids are random, URL-safe base64 (16 bytes → 22 chars); accept only that alphabet and a sane length. */
const idPattern = /^[A-Za-z0-9_-]{8,64}$/;

export const groupIdSchema = z
  .string()
  .regex(idPattern, 'invalid id')
  .transform((s) => s as GroupId);
export const meetingIdSchema = z
  .string()
  .regex(idPattern, 'invalid id')
  .transform((s) => s as MeetingId);
export const participantIdSchema = z
  .string()
  .regex(idPattern, 'invalid id')
  .transform((s) => s as ParticipantId);

export function isId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}

/** Tokens are 128-bit random values, URL-safe base64 without padding (22 chars). */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'invalid token');
