// Calls of the between-meetings API (README "Between meetings"): date polls, the season plan, the
// group's time zone and calendar feed. Answers are parsed against the shared contract.
import {
  datePollSchema,
  datePollsResponseSchema,
  seasonPlanResponseSchema,
  streamResponseSchema,
  type CreateDatePollBody,
  type DatePollId,
  type GroupId,
  type PlannedMeetingBody,
  type PlannedMeetingId,
  type PollAnswer,
  type PollSlotId,
  type StreamPostBody,
  type StreamPostId,
} from '@vermeboard/shared';
import { z } from 'zod';
import { request } from './client.js';
import { HttpError, NetworkError } from './errors.js';

const bookedSchema = z.object({ poll: datePollSchema, plan: seasonPlanResponseSchema });

export type BetweenApi = ReturnType<typeof betweenApi>;

export function betweenApi(groupId: GroupId, token: string) {
  const base = `/api/groups/${encodeURIComponent(groupId)}`;
  const id = encodeURIComponent;
  const call = <T>(path: string, schema: z.ZodType<T>, method?: 'POST' | 'PUT' | 'DELETE', body?: unknown) =>
    request(base + path, schema, { token, ...(method && { method }), ...(body !== undefined && { body }) });

  return {
    polls: () => call('/date-polls', datePollsResponseSchema).then((r) => r.polls),
    createPoll: (body: CreateDatePollBody) => call('/date-polls', datePollSchema, 'POST', body),
    answer: (pollId: DatePollId, answers: { slotId: PollSlotId; answer: PollAnswer }[]) =>
      call(`/date-polls/${id(pollId)}/answers`, datePollSchema, 'PUT', { answers }),
    book: (pollId: DatePollId, slotId: PollSlotId) =>
      call(`/date-polls/${id(pollId)}/book`, bookedSchema, 'POST', { slotId }),
    removePoll: (pollId: DatePollId) => call(`/date-polls/${id(pollId)}`, z.undefined(), 'DELETE'),

    stream: () => call('/stream', streamResponseSchema).then((r) => r.posts),
    streamSinceLastMeeting: () => call('/stream/since-last-meeting', streamResponseSchema).then((r) => r.posts),
    post: (body: StreamPostBody) => call('/stream', streamResponseSchema, 'POST', body).then((r) => r.posts),
    thank: (postId: StreamPostId, thanks: boolean) =>
      call(`/stream/${id(postId)}/thanks`, streamResponseSchema, 'PUT', { thanks }).then((r) => r.posts),
    pin: (postId: StreamPostId, pinned: boolean) =>
      call(`/stream/${id(postId)}/pin`, streamResponseSchema, 'PUT', { pinned }).then((r) => r.posts),
    removePost: (postId: StreamPostId) =>
      call(`/stream/${id(postId)}`, streamResponseSchema, 'DELETE').then((r) => r.posts),

    plan: () => call('/plan', seasonPlanResponseSchema),
    addPlanned: (body: PlannedMeetingBody) => call('/plan', seasonPlanResponseSchema, 'POST', body),
    removePlanned: (plannedId: PlannedMeetingId) => call(`/plan/${id(plannedId)}`, seasonPlanResponseSchema, 'DELETE'),
    setTimeZone: (timeZone: string) => call('/time-zone', seasonPlanResponseSchema, 'PUT', { timeZone }),
    rotateFeed: () => call('/calendar/rotate', seasonPlanResponseSchema, 'POST'),
    /** The meeting's .ics, fetched with the bearer token (a plain link could not send it). */
    async ics(plannedId: PlannedMeetingId): Promise<Blob> {
      let res: Response;
      try {
        res = await fetch(`${base}/plan/${id(plannedId)}.ics`, {
          headers: { Authorization: `Bearer ${token}` },
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (err) {
        throw new NetworkError(err);
      }
      if (!res.ok) throw new HttpError(res.status, res.statusText);
      return res.blob();
    },
  };
}
