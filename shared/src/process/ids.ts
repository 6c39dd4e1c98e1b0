// Branded ids of the group-process entities, parsed from `unknown` like the core ids.
import { z } from 'zod';
import type { Brand } from '../ids.js';

export type GoalId = Brand<string, 'GoalId'>;
export type ProgressNoteId = Brand<string, 'ProgressNoteId'>;
export type ActionItemId = Brand<string, 'ActionItemId'>;
export type CompetenceAreaId = Brand<string, 'CompetenceAreaId'>;

const idPattern = /^[A-Za-z0-9_-]{8,64}$/;
const id = <T>() =>
  z
    .string()
    .regex(idPattern, 'invalid id')
    .transform((s) => s as T);

export const goalIdSchema = id<GoalId>();
export const progressNoteIdSchema = id<ProgressNoteId>();
export const actionItemIdSchema = id<ActionItemId>();
export const competenceAreaIdSchema = id<CompetenceAreaId>();

export type DatePollId = Brand<string, 'DatePollId'>;
export type PollSlotId = Brand<string, 'PollSlotId'>;
export type PlannedMeetingId = Brand<string, 'PlannedMeetingId'>;

export const datePollIdSchema = id<DatePollId>();
export const pollSlotIdSchema = id<PollSlotId>();
export const plannedMeetingIdSchema = id<PlannedMeetingId>();
export type StreamPostId = Brand<string, 'StreamPostId'>;
export const streamPostIdSchema = id<StreamPostId>();
