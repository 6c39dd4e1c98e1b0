// A meeting's summary, written when the meeting ended (server/src/summary/): as JSON for the group
// home and as a Markdown file in the group's language.
import express, { type Router } from 'express';
import {
  meetingIdSchema,
  summaryFileName,
  summaryToMarkdown,
  type GroupId,
  type MeetingSummary,
  type MeetingSummaryResponse,
} from '@vermeboard/shared';
import type { Logger } from 'pino';
import { quarantinedSummary, readStoredSummary } from '../summary/storedSummary.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { ownedBy, pathParam } from './requests.js';

export function summaryRoutes({
  storage,
  access,
  logger,
}: Pick<RouteDeps, 'storage' | 'access'> & { logger: Logger }): Router {
  const router = express.Router();

  async function summaryOf(req: express.Request): Promise<{ summary: MeetingSummary; groupId: GroupId }> {
    const { groupId } = await access.group(req, 'group.read');
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    ownedBy(await storage.getMeeting(meetingId), groupId, 'meetingId');
    const stored = await readStoredSummary(storage, meetingId, logger);
    if (stored.kind === 'unreadable') throw new HttpError(409, quarantinedSummary);
    if (stored.kind === 'none') {
      throw new HttpError(404, 'this meeting has no summary yet: it is written when the meeting ends');
    }
    return { summary: stored.summary, groupId };
  }

  router.get('/groups/:groupId/meetings/:meetingId/summary', async (req, res) => {
    const { summary } = await summaryOf(req);
    const body: MeetingSummaryResponse = { summary };
    res.json(body);
  });

  router.get('/groups/:groupId/meetings/:meetingId/summary.md', async (req, res) => {
    const { summary, groupId } = await summaryOf(req);
    const settings = await storage.getGroupSettings(groupId);
    const timeZone = typeof req.query.tz === 'string' ? req.query.tz.slice(0, 64) : undefined;
    const markdown = summaryToMarkdown(summary, { locale: settings?.locale ?? 'en', timeZone });
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${summaryFileName(summary, 'md')}"`);
    res.send(markdown);
  });

  return router;
}
