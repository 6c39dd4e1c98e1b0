// Goals (1–3 active per group) and the progress notes members add to them meeting by meeting.
import express, { type Router } from 'express';
import {
  goalBody,
  goalIdSchema,
  goalOrderBody,
  processLimits,
  progressNoteBody,
  tooManyGoalsMessage,
  type Goal,
  type GoalId,
  type GoalsResponse,
  type ProgressNote,
  type ProgressNoteId,
  type ProgressNotesResponse,
} from '@vermeboard/shared';
import { randomId } from '../auth/tokens.js';
import type { GoalRecord } from '../storage/Storage.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody, ownedBy, pathParam } from './requests.js';

const toGoal = ({ groupId: _, ...goal }: GoalRecord): Goal => goal;

export function goalRoutes({ storage, access }: RouteDeps): Router {
  const router = express.Router();

  async function goalOf(groupId: string, raw: unknown): Promise<GoalRecord> {
    const id = pathParam(goalIdSchema, raw, 'goalId');
    return ownedBy(await storage.getGoal(id), groupId, 'goalId');
  }

  router.get('/groups/:groupId/goals', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    const goals = await storage.listGoals(groupId, req.query.include === 'archived');
    const response: GoalsResponse = { goals: goals.map(toGoal) };
    res.json(response);
  });

  router.post('/groups/:groupId/goals', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const body = goalBody.parse(req.body);
    const added = await storage.addGoal(
      { id: randomId() as GoalId, groupId, text: body.text, createdAt: new Date().toISOString() },
      processLimits.activeGoals,
    );
    if (added === 'full') throw new HttpError(400, tooManyGoalsMessage);
    res.status(201).json(toGoal(added));
  });

  // `order` can never be taken for a goal id: ids are at least eight characters.
  router.put('/groups/:groupId/goals/order', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const body = goalOrderBody.parse(req.body);
    if (!(await storage.reorderGoals(groupId, body.goalIds))) {
      throw new HttpError(400, 'goalIds: must list every active goal exactly once', 'goalIds');
    }
    const response: GoalsResponse = { goals: (await storage.listGoals(groupId)).map(toGoal) };
    res.json(response);
  });

  router.patch('/groups/:groupId/goals/:goalId', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const goal = await goalOf(groupId, req.params.goalId);
    const body = goalBody.parse(req.body);
    await storage.setGoalText(goal.id, body.text);
    res.json(toGoal({ ...goal, text: body.text }));
  });

  router.post('/groups/:groupId/goals/:goalId/archive', async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const goal = await goalOf(groupId, req.params.goalId);
    await storage.archiveGoal(goal.id, new Date().toISOString());
    res.json(toGoal((await storage.getGoal(goal.id))!));
  });

  router.get('/groups/:groupId/goals/:goalId/progress', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    const goal = await goalOf(groupId, req.params.goalId);
    const response: ProgressNotesResponse = { notes: await storage.listProgressNotes(goal.id) };
    res.json(response);
  });

  router.post('/groups/:groupId/goals/:goalId/progress', jsonBody, async (req, res) => {
    const caller = await access.person(req, 'progressNote.add');
    const goal = await goalOf(caller.groupId, req.params.goalId);
    const body = progressNoteBody.parse(req.body);
    const meeting = await storage.getMeeting(body.meetingId);
    if (meeting?.groupId !== caller.groupId) throw new HttpError(400, 'meetingId: unknown meeting', 'meetingId');
    const author = await storage.getParticipant(caller.participantId);
    const note: ProgressNote = {
      id: randomId() as ProgressNoteId,
      goalId: goal.id,
      meetingId: body.meetingId,
      participantId: caller.participantId,
      authorName: author?.displayName ?? '',
      text: body.text,
      createdAt: new Date().toISOString(),
    };
    const { authorName: _, ...record } = note;
    await storage.addProgressNote(record);
    res.status(201).json(note);
  });

  return router;
}
