// Mail between meetings and the summer break (README "The group between meetings"): a participant's
// own mail address (only ever answered to its owner), the break the facilitator marks, and the
// "where we were" card.
import express, { type Router } from 'express';
import {
  groupBreakBody,
  mailAddressBody,
  type GroupBreakResponse,
  type MailSettingsResponse,
} from '@vermeboard/shared';
import type { Logger } from 'pino';
import { whereWeWere } from '../between/whereWeWere.js';
import type { Notifications } from '../notifications/notifications.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody } from './requests.js';

export function notifyRoutes({
  storage,
  access,
  notifications,
  logger,
}: Pick<RouteDeps, 'storage' | 'access'> & { notifications: Notifications; logger: Logger }): Router {
  const router = express.Router();

  router.get('/groups/:groupId/mail', async (req, res) => {
    const { participantId } = await access.person(req, 'mail.own');
    const body: MailSettingsResponse = {
      enabled: notifications.enabled,
      address: notifications.enabled ? await storage.getMailAddress(participantId) : null,
    };
    res.json(body);
  });

  router.put('/groups/:groupId/mail', jsonBody, async (req, res) => {
    const { groupId, participantId } = await access.person(req, 'mail.own');
    if (!notifications.enabled) throw new HttpError(409, 'this server sends no mail, so it keeps no addresses');
    const { address } = mailAddressBody.parse(req.body);
    await storage.setMailAddress(groupId, participantId, address, new Date().toISOString());
    const body: MailSettingsResponse = { enabled: true, address };
    res.json(body);
  });

  // Works with mail off too: an address given while it was on can always be taken back.
  router.delete('/groups/:groupId/mail', async (req, res) => {
    const { participantId } = await access.person(req, 'mail.own');
    await storage.deleteMailAddress(participantId);
    res.status(204).end();
  });

  router.get('/groups/:groupId/break', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    const body: GroupBreakResponse = { break: await storage.getGroupBreak(groupId) };
    res.json(body);
  });

  router.put('/groups/:groupId/break', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'break.edit');
    const parsed = groupBreakBody.parse(req.body);
    await storage.setGroupBreak(groupId, parsed.break);
    const body: GroupBreakResponse = { break: parsed.break };
    res.json(body);
  });

  router.get('/groups/:groupId/where-we-were', async (req, res) => {
    const { groupId, participantId } = await access.group(req, 'group.read');
    res.json(await whereWeWere(storage, groupId, participantId, logger));
  });

  return router;
}
