// What the group keeps between meetings: date polls (proposed times and everyone's answers), the
// season plan of booked meetings, the calendar settings (time zone, feed link) and the stream. Both adapters
// implement it (sqliteBetween.ts, postgresBetween.ts) and pass the same contract suite.
import type {
  DatePollId,
  GroupId,
  ParticipantId,
  PlannedMeetingId,
  PollAnswer,
  PollSlotId,
  StreamPostId,
} from '@vermeboard/shared';

export interface PollSlotRecord {
  id: PollSlotId;
  date: string;
  start: string;
  minutes: number;
}

export interface DatePollRecord {
  id: DatePollId;
  groupId: GroupId;
  title: string;
  createdBy: ParticipantId | null;
  createdAt: string;
  bookedSlotId: PollSlotId | null;
  /** In the order proposed. */
  slots: PollSlotRecord[];
}

export interface PollAnswerRecord {
  slotId: PollSlotId;
  participantId: ParticipantId;
  answer: PollAnswer;
}

export interface PlannedMeetingRecord {
  id: PlannedMeetingId;
  groupId: GroupId;
  date: string;
  time: string;
  minutes: number;
  theme: string | null;
  place: string | null;
  fromPollId: DatePollId | null;
  createdAt: string;
}

export type PlannedMeetingPatch = Pick<PlannedMeetingRecord, 'date' | 'time' | 'minutes' | 'theme' | 'place'>;

export interface CalendarSettingsRecord {
  /** Null until the facilitator picks one (the product default then applies). */
  timeZone: string | null;
  /** Bumped when the feed link is renewed; the feed token is derived from it. */
  feedGeneration: number;
}

export interface BetweenStore extends StreamStore {
  /** Adds the poll with its slots unless the group has `maxOpen` unbooked polls already ('full'). Atomic. */
  createDatePoll(poll: Omit<DatePollRecord, 'bookedSlotId'>, maxOpen: number): Promise<'created' | 'full'>;
  getDatePoll(id: DatePollId): Promise<DatePollRecord | null>;
  /** Newest first. */
  listDatePolls(groupId: GroupId): Promise<DatePollRecord[]>;
  deleteDatePoll(id: DatePollId): Promise<void>;
  /**
   * Makes `answers` the participant's answers to the poll, in one transaction: slots left out lose
   * their earlier answer. Slots of other polls are ignored. False (nothing changes) once it is booked.
   */
  setPollAnswers(
    pollId: DatePollId,
    participantId: ParticipantId,
    answers: readonly Omit<PollAnswerRecord, 'participantId'>[],
  ): Promise<boolean>;
  /** Every answer to the poll's slots. */
  listPollAnswers(pollId: DatePollId): Promise<PollAnswerRecord[]>;
  /**
   * Books the slot: marks the poll booked and adds `planned` to the season plan, atomically. False
   * (nothing changes) when the poll was booked already or the slot is not one of its own.
   */
  bookPollSlot(pollId: DatePollId, slotId: PollSlotId, planned: PlannedMeetingRecord): Promise<boolean>;

  /** By date and time. */
  listPlannedMeetings(groupId: GroupId): Promise<PlannedMeetingRecord[]>;
  getPlannedMeeting(id: PlannedMeetingId): Promise<PlannedMeetingRecord | null>;
  /** Adds it unless the group's plan holds `max` meetings already. */
  addPlannedMeeting(meeting: PlannedMeetingRecord, max: number): Promise<'added' | 'full'>;
  updatePlannedMeeting(id: PlannedMeetingId, patch: PlannedMeetingPatch): Promise<void>;
  deletePlannedMeeting(id: PlannedMeetingId): Promise<void>;

  getCalendarSettings(groupId: GroupId): Promise<CalendarSettingsRecord | null>;
  setTimeZone(groupId: GroupId, timeZone: string): Promise<void>;
  /**
   * Records the hash of the feed token of the current generation (idempotent), so that the feed
   * route can find the group by it.
   */
  registerCalendarFeed(groupId: GroupId, generation: number, tokenHash: string): Promise<void>;
  /** Bumps the feed generation from `fromGeneration` and stores the new hash; false if another renewal won. */
  rotateCalendarFeed(groupId: GroupId, fromGeneration: number, tokenHash: string): Promise<boolean>;
  /** The group whose current feed token hashes to this; null for an unknown or renewed one. */
  findCalendarFeed(tokenHash: string): Promise<GroupId | null>;
}

export interface StreamPostRecord {
  id: StreamPostId;
  groupId: GroupId;
  parentId: StreamPostId | null;
  participantId: ParticipantId;
  /** Filled from the participant on read. */
  authorName: string;
  text: string;
  createdAt: string;
  pinnedAt: string | null;
}

/** The between-meetings stream: short posts, replies, thanks, pins; within the group's retention. */
export interface StreamStore {
  /** Adds it unless the group keeps `max` posts already ('full'), or a reply's post is not the group's top-level post ('noParent'). */
  addStreamPost(
    post: Omit<StreamPostRecord, 'authorName' | 'pinnedAt'>,
    max: number,
  ): Promise<'added' | 'full' | 'noParent'>;
  getStreamPost(id: StreamPostId): Promise<StreamPostRecord | null>;
  /** Oldest first; with `since`, only posts created after it. */
  listStreamPosts(groupId: GroupId, since?: string): Promise<StreamPostRecord[]>;
  /** Deletes a post and its replies. */
  deleteStreamPost(id: StreamPostId): Promise<void>;
  pinStreamPost(id: StreamPostId, pinnedAt: string | null): Promise<void>;
  /** One thanks per person and post; `on: false` takes it back. */
  setStreamThanks(postId: StreamPostId, participantId: ParticipantId, on: boolean): Promise<void>;
  /** Every thanks on the group's posts. */
  listStreamThanks(groupId: GroupId): Promise<{ postId: StreamPostId; participantId: ParticipantId }[]>;
  /**
   * For groups with retention on: deletes posts created more than that many days before `now`
   * (with their replies and thanks). Returns how many posts went.
   */
  purgeExpiredStreamPosts(now: Date): Promise<number>;
}
