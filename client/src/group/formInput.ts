// Client-side checks of what people type into the group forms. They reuse shared's validators (the
// same ones the server runs), so most mistakes are shown in the person's language before a round
// trip; the server still decides, and its `field` is mapped back to the form below.
import { boundedText, isoDateSchema, processLimits } from '@vermeboard/shared';
import { HttpError } from '../api/errors.js';

/** The cleaned text when it is acceptable (not empty, within `max`), otherwise null. */
export function cleanText(raw: string, max: number, multiline = false): string | null {
  const parsed = boundedText(max, { multiline }).safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** An optional date field: '' means "no date"; anything else must be a real `YYYY-MM-DD` date. */
export function parseOptionalDate(raw: string): { ok: true; value: string | null } | { ok: false } {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: true, value: null };
  return isoDateSchema.safeParse(trimmed).success ? { ok: true, value: trimmed } : { ok: false };
}

/** A number field: a whole number from `min` to `max`, or null. */
export function parseWholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** The retention field: a whole number of days within the server's bound, or null. */
export const parseRetentionDays = (raw: string) => parseWholeNumber(raw, 1, processLimits.retentionDays);

/**
 * Lines of an editable list (ground rules, competence areas): the index of the first line that is
 * empty or too long, or -1 when every line is acceptable.
 */
export function firstInvalidLine(lines: readonly string[], max: number): number {
  return lines.findIndex((line) => cleanText(line, max) === null);
}

/**
 * Which form field a server refusal is about. The server names list entries by index
 * (`rules.2`, `areas.1.name`); this returns the top-level field and the index, if any.
 */
export function serverField(err: unknown): { field: string; index: number | null } | null {
  if (!(err instanceof HttpError) || err.status !== 400 || !err.field) return null;
  const [field = '', index] = err.field.split('.');
  return { field, index: index !== undefined && /^\d+$/.test(index) ? Number(index) : null };
}

/** The list with the entry at `from` moved to `to` (used to reorder goals). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
