// One-click stop of the group's mail (RFC 8058, with the RFC 2369 List-Unsubscribe header that names
// it): the token in the mail is the only credential, so no bearer token is asked for. A POST stops;
// a GET never does, because link scanners and mail previews fetch every link they see. A GET (a mail
// client that opens the header's address in a browser) is sent to the page that asks first.
import express, { type Router } from 'express';
import { mailStopPagePath, mailStopTokenSchema, type MailStopResponse } from '@vermeboard/shared';
import { sameToken } from '../auth/tokens.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { formBody } from './requests.js';

export function mailStopRoutes({ storage, auth }: Pick<RouteDeps, 'storage' | 'auth'>): Router {
  const router = express.Router();

  function tokenOf(query: unknown): string {
    const parsed = mailStopTokenSchema.safeParse(query);
    if (!parsed.success) throw new HttpError(400, 'not a stop link', 't');
    return parsed.data;
  }

  // Mail providers send `List-Unsubscribe=One-Click` form-encoded; our own page sends no body.
  router.post('/mail/unsubscribe', formBody, async (req, res) => {
    const token = tokenOf(req.query.t);
    const ids = auth.mailStopTokenIds(token);
    if (!ids) throw new HttpError(403, 'this link was not made by this server');
    const address = await storage.getMailAddress(ids.participantId);
    let body: MailStopResponse;
    if (address === null) {
      body = { result: 'alreadyStopped' };
    } else {
      // Made for an address given before this one: its mail went elsewhere, so it stops nothing now.
      if (!sameToken(token, auth.mailStopToken(ids.groupId, ids.participantId, address))) {
        throw new HttpError(403, 'this link is for an address that is no longer given');
      }
      // Only this address: one given meanwhile (between the read above and now) stays.
      const removed = await storage.deleteMailAddress(ids.participantId, address);
      body = { result: removed ? 'stopped' : 'alreadyStopped' };
    }
    res.json(body);
  });

  router.get('/mail/unsubscribe', (req, res) => {
    res.redirect(303, mailStopPagePath(tokenOf(req.query.t)));
  });

  return router;
}
