// What every section of the group home needs: the bound API, who is looking, and the members and
// meetings that several sections refer to (owners, authors, "facilitated by", meeting dates).
import type { MeetingHistoryEntry, MeetingId, Member, ParticipantId, Role, RoleTokens } from '@vermeboard/shared';
import type { ProcessApi } from '../api/process.js';

export interface HomeContext {
  api: ProcessApi;
  role: Role;
  me: ParticipantId;
  members: readonly Member[];
  meetings: readonly MeetingHistoryEntry[];
  reloadMembers(): void;
  /** The server issued new invite links (a removal renews them). */
  onLinksRenewed(links: RoleTokens): void;
}

/** Facilitators and members change the group's process; observers only read. */
export const canEdit = (role: Role) => role !== 'observer';

export function meetingOf(ctx: HomeContext, id: MeetingId): MeetingHistoryEntry | undefined {
  return ctx.meetings.find((m) => m.id === id);
}

/** The newest meeting, where action items added on the group home belong. */
export function newestMeeting(meetings: readonly MeetingHistoryEntry[]): MeetingHistoryEntry | null {
  let newest: MeetingHistoryEntry | null = null;
  for (const m of meetings) if (!newest || Date.parse(m.createdAt) > Date.parse(newest.createdAt)) newest = m;
  return newest;
}
