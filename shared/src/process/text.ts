// Human-entered text: control characters removed (newlines kept where text may span lines),
// trimmed, and bounded.
import { z } from 'zod';

export function boundedText(max: number, opts: { multiline?: boolean } = {}) {
  const control = opts.multiline ? /[\u0000-\u0009\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g;
  return z
    .string()
    .transform((s) => s.replace(control, '').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));
}

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-14')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date');
