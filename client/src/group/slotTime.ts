// How a proposed or planned meeting time reads: the weekday matters when people pick an evening,
// so it is shown; the end time follows from the start and the length.

/** `HH:MM` plus `minutes`, within the day (a meeting past midnight ends at its clock time). */
export function endTime(start: string, minutes: number): string {
  const [h = 0, m = 0] = start.split(':').map(Number);
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** E.g. "Tue 10 Jun 2031, 18:00–20:00" in the reader's language; calendar dates read as local days. */
export function formatSlot(date: string, start: string, minutes: number, locale: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const day =
    y && mo && d
      ? new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(
          new Date(y, mo - 1, d),
        )
      : date;
  return `${day}, ${start}–${endTime(start, minutes)}`;
}

/** Today as `YYYY-MM-DD` in the browser's zone (which past dates to fold away). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
