// Action items agreed in meetings: created from a meeting, listed for the group, edited, ticked off
// and reopened.
import express, { type Router } from 'express';
import {
  actionItemFilter,
  actionItemIdSchema,
  createActionItemBody,
  updateActionItemBody,
  type ActionItem,
  type ActionItemId,
  type ActionItemsResponse,
  type GroupId,
  type ParticipantId,
} from '@vermeboard/shared';
import { randomId } from '../auth/tokens.js';
import type { ActionItemPatch, ActionItemRecord, Storage } from '../storage/Storage.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody, ownedBy, pathParam } from './requests.js';

function toActionItem({ groupId: _, ownerName, ...item }: ActionItemRecord): ActionItem {
  return ownerName === null ? item : { ...item, ownerName };
}

/** An owner must be a current participant of the group. */
async function checkOwner(storage: Storage, groupId: GroupId, owner: ParticipantId | null | undefined) {
  if (!owner) return;
  const p = await storage.getParticipant(owner);
  if (p?.groupId !== groupId || p.removedAt !== null) {
    throw new HttpError(400, 'ownerParticipantId: not a participant of this group', 'ownerParticipantId');
  }
}

export function actionItemRoutes({ storage, access }: RouteDeps): Router {
  const router = express.Router();

  router.get('/groups/:groupId/action-items', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    const status = actionItemFilter.safeParse(req.query.status ?? 'all');
    if (!status.success) throw new HttpError(400, "status: must be 'open' or 'all'", 'status');
    const items = await storage.listActionItems(groupId, status.data === 'open');
    const response: ActionItemsResponse = { actionItems: items.map(toActionItem) };
    res.json(response);
  });

  router.post('/groups/:groupId/action-items', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const body = createActionItemBody.parse(req.body);
    const meeting = await storage.getMeeting(body.meetingId);
    if (meeting?.groupId !== groupId) throw new HttpError(400, 'meetingId: unknown meeting', 'meetingId');
    await checkOwner(storage, groupId, body.ownerParticipantId);
    const id = randomId() as ActionItemId;
    await storage.createActionItem({
      id,
      groupId,
      meetingId: body.meetingId,
      text: body.text,
      ownerParticipantId: body.ownerParticipantId ?? null,
      dueDate: body.dueDate ?? null,
      sourceShapeId: body.sourceShapeId ?? null,
      createdAt: new Date().toISOString(),
    });
    res.status(201).json(toActionItem((await storage.getActionItem(id))!));
  });

  router.patch('/groups/:groupId/action-items/:actionItemId', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const id = pathParam(actionItemIdSchema, req.params.actionItemId, 'actionItemId');
    const item = ownedBy(await storage.getActionItem(id), groupId, 'actionItemId');
    const { done, ...fields } = updateActionItemBody.parse(req.body);
    await checkOwner(storage, groupId, fields.ownerParticipantId);
    const patch: ActionItemPatch = { ...fields };
    // Ticking off an item that is already done keeps the first time it was done.
    if (done !== undefined) patch.doneAt = done ? (item.doneAt ?? new Date().toISOString()) : null;
    await storage.updateActionItem(id, patch);
    res.json(toActionItem((await storage.getActionItem(id))!));
  });

  return router;
}
