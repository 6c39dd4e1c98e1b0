// The app's addresses, parsed from and formatted to URL paths. Pure functions so they are
// tested without a browser; `navigation.ts` ties them to the History API.
import {
  groupIdSchema,
  meetingIdSchema,
  programIdSchema,
  tokenSchema,
  type GroupId,
  type MeetingId,
  type ProgramId,
} from '@vermeboard/shared';

export type Route =
  | { name: 'home' }
  | { name: 'join'; token: string }
  | { name: 'group'; groupId: GroupId }
  | { name: 'meeting'; groupId: GroupId; meetingId: MeetingId }
  /** The print-friendly summary of an ended meeting. */
  | { name: 'summary'; groupId: GroupId; meetingId: MeetingId }
  /** An ended meeting's debrief timeline, for its facilitator (debrief/). */
  | { name: 'debrief'; groupId: GroupId; meetingId: MeetingId }
  /** A coach's view through their coach link: the group's ended meetings, or one's debrief. */
  | { name: 'coach'; token: string; meetingId: MeetingId | null }
  /** A program's page, for its coordinator. */
  | { name: 'program'; programId: ProgramId }
  /** The coordinator link: its token rides in the fragment (`/coordinate#<token>`). */
  | { name: 'coordinate' }
  /** The method studio; a studio link carries its token in the fragment (`/studio#<token>`). */
  | { name: 'studio' }
  /** A mail's stop link: its token rides in the fragment (`/mail/stop#<token>`). */
  | { name: 'mailStop' }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  // Tolerate a trailing slash (people edit URLs by hand), but nothing else.
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { name: 'home' };
  const [first, second, third, fourth] = parts;
  if (parts.length === 2 && first === 'join') {
    const token = tokenSchema.safeParse(second);
    return token.success ? { name: 'join', token: token.data } : { name: 'notFound' };
  }
  if (first === 'coach' && (parts.length === 2 || (parts.length === 4 && third === 'm'))) {
    const token = tokenSchema.safeParse(second);
    const meetingId = parts.length === 4 ? meetingIdSchema.safeParse(fourth) : null;
    if (!token.success || (meetingId && !meetingId.success)) return { name: 'notFound' };
    return { name: 'coach', token: token.data, meetingId: meetingId?.data ?? null };
  }
  if (parts.length === 1 && first === 'coordinate') return { name: 'coordinate' };
  if (parts.length === 1 && first === 'studio') return { name: 'studio' };
  if (parts.length === 2 && first === 'mail' && second === 'stop') return { name: 'mailStop' };
  if (parts.length === 2 && first === 'p') {
    const programId = programIdSchema.safeParse(second);
    return programId.success ? { name: 'program', programId: programId.data } : { name: 'notFound' };
  }
  if (first === 'g') {
    const groupId = groupIdSchema.safeParse(second);
    if (!groupId.success) return { name: 'notFound' };
    if (parts.length === 2) return { name: 'group', groupId: groupId.data };
    const sub = parts[4];
    if ((parts.length === 4 || (parts.length === 5 && (sub === 'summary' || sub === 'debrief'))) && third === 'm') {
      const meetingId = meetingIdSchema.safeParse(fourth);
      const name = parts.length === 5 ? (sub as 'summary' | 'debrief') : 'meeting';
      if (meetingId.success) return { name, groupId: groupId.data, meetingId: meetingId.data };
    }
  }
  return { name: 'notFound' };
}

export function routePath(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'join':
      return `/join/${encodeURIComponent(route.token)}`;
    case 'group':
      return `/g/${encodeURIComponent(route.groupId)}`;
    case 'meeting':
      return `/g/${encodeURIComponent(route.groupId)}/m/${encodeURIComponent(route.meetingId)}`;
    case 'summary':
      return `/g/${encodeURIComponent(route.groupId)}/m/${encodeURIComponent(route.meetingId)}/summary`;
    case 'debrief':
      return `/g/${encodeURIComponent(route.groupId)}/m/${encodeURIComponent(route.meetingId)}/debrief`;
    case 'coach':
      return route.meetingId === null
        ? `/coach/${encodeURIComponent(route.token)}`
        : `/coach/${encodeURIComponent(route.token)}/m/${encodeURIComponent(route.meetingId)}`;
    case 'program':
      return `/p/${encodeURIComponent(route.programId)}`;
    case 'coordinate':
      return '/coordinate';
    case 'studio':
      return '/studio';
    case 'mailStop':
      return '/mail/stop';
  }
}
