// Starting a rehearsal with simulated participants (rehearsal/Rehearsals.ts): the facilitator of a
// group, with their personal token. What the rehearsal's own group is, the group answer tells.
import express, { type Router } from 'express';
import { startRehearsalBody } from '@vermeboard/shared';
import { RehearsalRefused, type Rehearsals } from '../rehearsal/Rehearsals.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody } from './requests.js';

export function rehearsalRoutes({
  access,
  rehearsals,
}: Pick<RouteDeps, 'access'> & { rehearsals: Rehearsals }): Router {
  const router = express.Router();

  router.post('/groups/:groupId/rehearsals', jsonBody, async (req, res) => {
    const caller = await access.group(req, 'meeting.create');
    const body = startRehearsalBody.parse(req.body);
    try {
      res.status(201).json(await rehearsals.start(caller.groupId, caller, body));
    } catch (err) {
      if (err instanceof RehearsalRefused) throw new HttpError(err.status, err.message);
      throw err;
    }
  });

  return router;
}
