// Between meetings (README "Between meetings"): date polls to find a common time, the season plan
// of booked meetings with an .ics per meeting, the group's time zone, and the calendar feed that
// calendar apps subscribe to with a capability link (no bearer token: an app cannot send one).
import express, { type Router } from 'express';
import {
  answerDatePollBody,
  betweenLimits,
  bookDatePollBody,
  calendarFeedPath,
  can,
  createDatePollBody,
  datePollIdSchema,
  plannedMeetingBody,
  plannedMeetingIdSchema,
  rankSlots,
  timeZoneBody,
  type DatePoll,
  type DatePollId,
  type DatePollsResponse,
  type GroupId,
  type PlannedMeeting,
  type PlannedMeetingId,
  type PollSlotId,
  type SeasonPlanResponse,
} from '@vermeboard/shared';
import type { Caller } from '../auth/Auth.js';
import { hashToken, randomId } from '../auth/tokens.js';
import { bookedAsNext, groupTimeZone } from '../between/seasonPlan.js';
import { calendarText, renderCalendar } from '../calendar/ics.js';
import type { DatePollRecord, PlannedMeetingRecord } from '../storage/BetweenStore.js';
import type { Notifications } from '../notifications/notifications.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody, ownedBy, pathParam } from './requests.js';

const feedFile = /^([A-Za-z0-9_-]{22})\.ics$/;

function toPlanned({ groupId: _g, createdAt: _c, ...m }: PlannedMeetingRecord): PlannedMeeting {
  return m;
}

export function betweenRoutes({
  storage,
  auth,
  access,
  notifications,
}: Omit<RouteDeps, 'connections'> & { notifications: Notifications }): Router {
  const router = express.Router();

  async function pollOf(poll: DatePollRecord): Promise<DatePoll> {
    const [answers, people] = await Promise.all([
      storage.listPollAnswers(poll.id),
      storage.listParticipants(poll.groupId),
    ]);
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    const slots = poll.slots.map((s) => {
      const mine = answers
        .filter((a) => a.slotId === s.id)
        .map((a) => ({
          participantId: a.participantId,
          displayName: names.get(a.participantId) ?? '',
          answer: a.answer,
        }));
      const count = (answer: string) => mine.filter((a) => a.answer === answer).length;
      return { ...s, answers: mine, yes: count('yes'), maybe: count('maybe'), no: count('no') };
    });
    return {
      id: poll.id,
      title: poll.title,
      createdAt: poll.createdAt,
      createdByName: poll.createdBy ? (names.get(poll.createdBy) ?? null) : null,
      bookedSlotId: poll.bookedSlotId,
      slots: rankSlots(slots),
      respondents: new Set(answers.map((a) => a.participantId)).size,
    };
  }

  async function ownPoll(groupId: GroupId, raw: unknown): Promise<DatePollRecord> {
    const id = pathParam(datePollIdSchema, raw, 'pollId');
    return ownedBy(await storage.getDatePoll(id), groupId, 'pollId');
  }

  async function planOf(caller: Caller & { groupId: GroupId }): Promise<SeasonPlanResponse> {
    const { groupId } = caller;
    const [settings, meetings] = await Promise.all([
      storage.getCalendarSettings(groupId),
      storage.listPlannedMeetings(groupId),
    ]);
    if (!settings) throw new HttpError(404, 'unknown group');
    const response: SeasonPlanResponse = {
      timeZone: await groupTimeZone(storage, groupId),
      meetings: meetings.map(toPlanned),
    };
    if (can(caller, 'calendar.subscribe')) {
      const token = auth.calendarToken(groupId, settings.feedGeneration);
      // The hash is written when the link is first shown, so the feed route can find the group by it.
      await storage.registerCalendarFeed(groupId, settings.feedGeneration, hashToken(token));
      response.feedPath = calendarFeedPath(token);
    }
    return response;
  }

  async function calendarOf(groupId: GroupId, meetings: readonly PlannedMeetingRecord[], feed: boolean) {
    const [group, settings] = await Promise.all([storage.getGroup(groupId), storage.getGroupSettings(groupId)]);
    if (!group || !settings) throw new HttpError(404, 'unknown group');
    return renderCalendar({
      groupName: group.name,
      timeZone: await groupTimeZone(storage, groupId),
      text: calendarText[settings.locale],
      meetings,
      uidDomain: 'vermeboard',
      feed,
    });
  }

  function sendCalendar(res: express.Response, body: string, filename: string) {
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.send(body);
  }

  // ---- Date polls ----

  router.get('/groups/:groupId/date-polls', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    const polls = await storage.listDatePolls(groupId);
    const response: DatePollsResponse = { polls: await Promise.all(polls.map(pollOf)) };
    res.json(response);
  });

  router.post('/groups/:groupId/date-polls', jsonBody, async (req, res) => {
    const { groupId, participantId } = await access.group(req, 'datePoll.create');
    const body = createDatePollBody.parse(req.body);
    const record = {
      id: randomId() as DatePollId,
      groupId,
      title: body.title,
      createdBy: participantId,
      createdAt: new Date().toISOString(),
      slots: body.slots.map((s) => ({ ...s, id: randomId() as PollSlotId })),
    };
    if ((await storage.createDatePoll(record, betweenLimits.openPolls)) === 'full') {
      throw new HttpError(
        409,
        `a group keeps at most ${betweenLimits.openPolls} open date polls; book or remove one first`,
      );
    }
    res.status(201).json(await pollOf({ ...record, bookedSlotId: null }));
  });

  router.put('/groups/:groupId/date-polls/:pollId/answers', jsonBody, async (req, res) => {
    const { groupId, participantId } = await access.person(req, 'datePoll.answer');
    const poll = await ownPoll(groupId, req.params.pollId);
    const { answers } = answerDatePollBody.parse(req.body);
    const known = new Set(poll.slots.map((s) => s.id));
    const unknown = answers.find((a) => !known.has(a.slotId));
    if (unknown) throw new HttpError(400, 'answers: a time that is not in this poll', 'answers');
    if (!(await storage.setPollAnswers(poll.id, participantId, answers))) {
      throw new HttpError(409, 'this poll is booked and takes no more answers');
    }
    res.json(await pollOf(poll));
  });

  router.post('/groups/:groupId/date-polls/:pollId/book', jsonBody, async (req, res) => {
    const caller = await access.group(req, 'plan.edit');
    const poll = await ownPoll(caller.groupId, req.params.pollId);
    const { slotId, theme } = bookDatePollBody.parse(req.body);
    const slot = poll.slots.find((s) => s.id === slotId);
    if (!slot) throw new HttpError(400, 'slotId: not a time of this poll', 'slotId');
    const planned: PlannedMeetingRecord = {
      id: randomId() as PlannedMeetingId,
      groupId: caller.groupId,
      date: slot.date,
      time: slot.start,
      minutes: slot.minutes,
      theme,
      place: null,
      fromPollId: poll.id,
      createdAt: new Date().toISOString(),
    };
    if (!(await storage.bookPollSlot(poll.id, slot.id, planned))) {
      throw new HttpError(409, 'this poll was booked already');
    }
    await bookedAsNext(storage, planned);
    notifications.booked(planned);
    res.status(201).json({ poll: await pollOf({ ...poll, bookedSlotId: slot.id }), plan: await planOf(caller) });
  });

  router.delete('/groups/:groupId/date-polls/:pollId', async (req, res) => {
    const { groupId } = await access.group(req, 'plan.edit');
    const poll = await ownPoll(groupId, req.params.pollId);
    await storage.deleteDatePoll(poll.id);
    res.status(204).end();
  });

  // ---- The season plan ----

  router.get('/groups/:groupId/plan', async (req, res) => {
    res.json(await planOf(await access.group(req, 'group.read')));
  });

  router.post('/groups/:groupId/plan', jsonBody, async (req, res) => {
    const caller = await access.group(req, 'plan.edit');
    const body = plannedMeetingBody.parse(req.body);
    const planned: PlannedMeetingRecord = {
      ...body,
      id: randomId() as PlannedMeetingId,
      groupId: caller.groupId,
      fromPollId: null,
      createdAt: new Date().toISOString(),
    };
    if ((await storage.addPlannedMeeting(planned, betweenLimits.plannedMeetings)) === 'full') {
      throw new HttpError(409, `a season plan holds at most ${betweenLimits.plannedMeetings} meetings`);
    }
    await bookedAsNext(storage, planned);
    notifications.booked(planned);
    res.status(201).json(await planOf(caller));
  });

  router.put('/groups/:groupId/plan/:plannedId', jsonBody, async (req, res) => {
    const caller = await access.group(req, 'plan.edit');
    const id = pathParam(plannedMeetingIdSchema, req.params.plannedId, 'plannedId');
    const before = ownedBy(await storage.getPlannedMeeting(id), caller.groupId, 'plannedId');
    const patch = plannedMeetingBody.parse(req.body);
    await storage.updatePlannedMeeting(id, patch);
    // A meeting moved to another day or time is news; the booking mail's key holds the time.
    notifications.booked({ ...before, ...patch });
    res.json(await planOf(caller));
  });

  router.delete('/groups/:groupId/plan/:plannedId', async (req, res) => {
    const caller = await access.group(req, 'plan.edit');
    const id = pathParam(plannedMeetingIdSchema, req.params.plannedId, 'plannedId');
    ownedBy(await storage.getPlannedMeeting(id), caller.groupId, 'plannedId');
    await storage.deletePlannedMeeting(id);
    res.json(await planOf(caller));
  });

  router.get('/groups/:groupId/plan/:file', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    const match = /^(.+)\.ics$/.exec(String(req.params.file));
    const id = pathParam(plannedMeetingIdSchema, match?.[1], 'plannedId');
    const planned = ownedBy(await storage.getPlannedMeeting(id), groupId, 'plannedId');
    sendCalendar(res, await calendarOf(groupId, [planned], false), `meeting-${planned.date}.ics`);
  });

  router.put('/groups/:groupId/time-zone', jsonBody, async (req, res) => {
    const caller = await access.group(req, 'plan.edit');
    const { timeZone } = timeZoneBody.parse(req.body);
    await storage.setTimeZone(caller.groupId, timeZone);
    res.json(await planOf(caller));
  });

  router.post('/groups/:groupId/calendar/rotate', async (req, res) => {
    const caller = await access.group(req, 'calendar.rotate');
    const settings = await storage.getCalendarSettings(caller.groupId);
    if (!settings) throw new HttpError(404, 'unknown group');
    const next = settings.feedGeneration + 1;
    if (
      !(await storage.rotateCalendarFeed(
        caller.groupId,
        settings.feedGeneration,
        hashToken(auth.calendarToken(caller.groupId, next)),
      ))
    ) {
      throw new HttpError(409, 'the feed link was renewed by someone else just now; reload to see it');
    }
    res.json(await planOf(caller));
  });

  // The feed: the token in the path is the only credential, as in an invite link.
  router.get('/calendar/:file', async (req, res) => {
    const token = feedFile.exec(String(req.params.file))?.[1];
    const groupId = token ? await storage.findCalendarFeed(hashToken(token)) : null;
    if (!groupId) throw new HttpError(404, 'unknown or renewed calendar link');
    sendCalendar(res, await calendarOf(groupId, await storage.listPlannedMeetings(groupId), true), 'meetings.ics');
  });

  return router;
}
