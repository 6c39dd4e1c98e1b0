// How the season plan and the group's one "next meeting" record stay in step: booking a date (from
// a poll or by hand) makes it the next meeting when it comes before the one agreed, and agreeing on
// the next meeting in a meeting's closing step books that date into the plan, or confirms the
// planned meeting already on it.
import {
  betweenLimits,
  defaultMeetingMinutes,
  defaultTimeZone,
  type GroupId,
  type NextMeeting,
  type PlannedMeetingId,
} from '@vermeboard/shared';
import { DateTime } from 'luxon';
import { randomId } from '../auth/tokens.js';
import type { PlannedMeetingRecord } from '../storage/BetweenStore.js';
import { nextMeetingOf } from '../storage/nextMeeting.js';
import type { Storage } from '../storage/Storage.js';

export async function groupTimeZone(storage: Storage, groupId: GroupId): Promise<string> {
  return (await storage.getCalendarSettings(groupId))?.timeZone ?? defaultTimeZone;
}

/** Today's date in the group's zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate()!;
}

/**
 * Makes a freshly booked meeting the group's next meeting when none is agreed, the agreed one is
 * past, or the booked one comes first. The place agreed stays; the theme is the booked one's.
 */
export async function bookedAsNext(storage: Storage, planned: PlannedMeetingRecord, now = new Date()): Promise<void> {
  const settings = await storage.getGroupSettings(planned.groupId);
  if (!settings) return;
  const today = todayIn(await groupTimeZone(storage, planned.groupId), now);
  const next = nextMeetingOf(settings);
  const agreed = next.date !== null && next.date >= today ? next.date : null;
  if (planned.date < today || (agreed !== null && agreed <= planned.date)) return;
  await storage.setNextMeeting(planned.groupId, {
    date: planned.date,
    time: planned.time,
    place: planned.place ?? next.place,
    theme: planned.theme,
  });
}

/**
 * The closing step agreed on `next`: a planned meeting on that date takes its time, place and theme
 * (confirmed); without one, the date joins the plan (booked). A next meeting without a date and
 * time books nothing. Returns the planned meeting as it now is, or null when nothing was planned.
 */
export async function planNextMeeting(
  storage: Storage,
  groupId: GroupId,
  next: NextMeeting,
): Promise<PlannedMeetingRecord | null> {
  if (next.date === null || next.time === null) return null;
  const plan = await storage.listPlannedMeetings(groupId);
  const planned = plan.find((m) => m.date === next.date);
  if (planned) {
    const patch = {
      date: planned.date,
      time: next.time,
      minutes: planned.minutes,
      theme: next.theme ?? planned.theme,
      place: next.place ?? planned.place,
    };
    await storage.updatePlannedMeeting(planned.id, patch);
    return { ...planned, ...patch };
  }
  const added: PlannedMeetingRecord = {
    id: randomId() as PlannedMeetingId,
    groupId,
    date: next.date,
    time: next.time,
    minutes: defaultMeetingMinutes,
    theme: next.theme,
    place: next.place,
    fromPollId: null,
    createdAt: new Date().toISOString(),
  };
  // A full plan keeps the next meeting record anyway; the plan is the extra.
  return (await storage.addPlannedMeeting(added, betweenLimits.plannedMeetings)) === 'added' ? added : null;
}
