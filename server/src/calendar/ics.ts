// The group's planned meetings as iCalendar (RFC 5545), written by ical-generator: one event per
// planned meeting, in the group's time zone with its VTIMEZONE, so that a calendar app shows the
// meeting at the local time the group agreed on whatever zone the reader is in.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { GroupLocale } from '@vermeboard/shared';
import type { PlannedMeetingRecord } from '../storage/BetweenStore.js';

export interface CalendarText {
  /** The event's title, e.g. "Project leads: meeting". */
  summary(groupName: string, theme: string | null): string;
  /** The calendar's name in a subscribing app. */
  calendarName(groupName: string): string;
}

export const calendarText: Record<GroupLocale, CalendarText> = {
  en: {
    summary: (group, theme) => (theme ? `${group}: ${theme}` : `${group}: meeting`),
    calendarName: (group) => `${group} (Vermeboard)`,
  },
  fi: {
    summary: (group, theme) => (theme ? `${group}: ${theme}` : `${group}: tapaaminen`),
    calendarName: (group) => `${group} (Vermeboard)`,
  },
  sv: {
    summary: (group, theme) => (theme ? `${group}: ${theme}` : `${group}: träff`),
    calendarName: (group) => `${group} (Vermeboard)`,
  },
};

/** The instant a planned meeting starts: its date and time of day in the group's zone. */
export function meetingStart(m: Pick<PlannedMeetingRecord, 'date' | 'time'>, timeZone: string): DateTime {
  return DateTime.fromISO(`${m.date}T${m.time}`, { zone: timeZone });
}

export interface CalendarInput {
  groupName: string;
  timeZone: string;
  text: CalendarText;
  meetings: readonly PlannedMeetingRecord[];
  /** Host part of the events' UIDs, so that a re-download updates the event instead of adding one. */
  uidDomain: string;
  /** A single download is a PUBLISH of one event; a feed is a whole calendar. */
  feed: boolean;
}

export function renderCalendar({ groupName, timeZone, text, meetings, uidDomain, feed }: CalendarInput): string {
  const cal = ical({
    prodId: { company: 'Vermeboard', product: 'Vermeboard', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ...(feed && { name: text.calendarName(groupName), ttl: 60 * 60 }),
  });
  // The zone goes on each event, not the calendar: ical-generator writes DTSTAMP in the calendar's
  // zone, and RFC 5545 wants it in UTC. The generator still adds each event zone's VTIMEZONE.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  for (const m of meetings) {
    const start = meetingStart(m, timeZone);
    cal.createEvent({
      id: `${m.id}@${uidDomain}`,
      start,
      end: start.plus({ minutes: m.minutes }),
      timezone: timeZone,
      stamp: new Date(m.createdAt),
      summary: text.summary(groupName, m.theme),
      ...(m.place !== null && { location: m.place }),
    });
  }
  return cal.toString();
}
