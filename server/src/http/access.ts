// How a group route resolves its caller: bearer token → 401, another group's token → 403, and then
// the shared policy (`can` in @vermeboard/shared) decides the action → 403 with the policy's reason.
import type { Request } from 'express';
import type { Action, GroupId, ParticipantId, ResourceArg, ResourceOf } from '@vermeboard/shared';
import { groupIdSchema, refusal } from '@vermeboard/shared';
import type { Auth, Caller } from '../auth/Auth.js';
import { bearerToken } from './bearer.js';
import { HttpError } from './errors.js';
import { pathParam } from './requests.js';

/** Actions about the group as a whole: the policy needs no resource beyond the caller's own group. */
export type GroupAction = { [A in Action]: ResourceOf<A> extends void ? A : never }[Action];

export interface Access {
  /** Any valid token (401 otherwise). */
  caller(req: Request): Promise<Caller>;
  /** A caller of the group in `:groupId` who may do `action`. */
  group(req: Request, action: GroupAction): Promise<Caller & { groupId: GroupId }>;
  /** The same, for an action that needs a personal token; the participant is then known. */
  person(req: Request, action: GroupAction): Promise<Caller & { groupId: GroupId; participantId: ParticipantId }>;
}

/** 403 with the policy's reason unless `caller` may do `action`. */
export function allow<A extends Action>(caller: Caller, action: A, ...resource: ResourceArg<A>): void {
  const refused = refusal(caller, action, ...resource);
  if (refused !== null) throw new HttpError(403, refused);
}

export function createAccess(auth: Auth): Access {
  async function caller(req: Request): Promise<Caller> {
    const token = bearerToken(req);
    if (!token) throw new HttpError(401, 'missing bearer token');
    const found = await auth.authenticate(token);
    if (!found) throw new HttpError(401, 'unknown or revoked token');
    return found;
  }
  async function group(req: Request, action: GroupAction): Promise<Caller & { groupId: GroupId }> {
    const who = await caller(req);
    const groupId = pathParam(groupIdSchema, req.params.groupId, 'groupId');
    // A token only ever resolves to its own group, so a match also proves the group exists.
    if (who.groupId !== groupId) throw new HttpError(403, 'this token belongs to another group');
    allow(who, action);
    return { ...who, groupId };
  }
  return {
    caller,
    group,
    async person(req, action) {
      const who = await group(req, action);
      const { participantId } = who;
      // The policy refused already for a personal action; this narrows the type for the route.
      if (participantId === null) throw new HttpError(403, 'this needs your personal token');
      return { ...who, participantId };
    },
  };
}
