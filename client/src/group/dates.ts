// Dates on the group home, in the reader's language. Calendar dates (`YYYY-MM-DD`, e.g. a due date)
// are read as local days: parsing them as UTC would show the previous day west of Greenwich.
export function formatDay(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

/** A timestamp's day, e.g. when someone joined. */
export function formatDate(timestamp: string, locale: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** A timestamp with its time, e.g. when a meeting ended. */
export function formatDateTime(timestamp: string, locale: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** True when a due date has passed: the item was due before today (local time). */
export function isOverdue(isoDate: string, now: Date = new Date()): boolean {
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return isoDate < today;
}
