// The group's next meeting as one record, from the settings row's columns: what the group home
// shows and edits, and what a meeting's summary writes down when it ends.
import type { NextMeeting } from '@vermeboard/shared';
import type { GroupSettingsRecord } from './Storage.js';

export function nextMeetingOf(s: GroupSettingsRecord): NextMeeting {
  return { date: s.nextMeetingDate, time: s.nextMeetingTime, place: s.nextMeetingPlace, theme: s.nextMeetingTheme };
}
