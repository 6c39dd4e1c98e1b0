// Who may do what with a group's data, in one table, and the one function every group route calls
// to resolve its caller: bearer token → 401, another group's token → 403, role or identity → 403.
import type { Request } from 'express';
import type { GroupId, ParticipantId, Role } from '@vermeboard/shared';
import { groupIdSchema } from '@vermeboard/shared';
import type { Auth, Caller } from '../auth/Auth.js';
import { bearerToken } from './bearer.js';
import { HttpError } from './errors.js';
import { pathParam } from './requests.js';

interface Rule {
  roles: readonly Role[];
  /** The action is about *who* someone is, so a shared link token (no identity) may not do it. */
  personal?: boolean;
  /** Told to a caller whose role may not. */
  refusal: string;
}

const everyone = ['facilitator', 'member', 'observer'] as const;
const contributors = ['facilitator', 'member'] as const;

export const accessRules = {
  read: { roles: everyone, refusal: '' },
  startMeeting: { roles: ['facilitator'], refusal: 'only the facilitator can start a meeting' },
  endMeeting: { roles: ['facilitator'], refusal: 'only the facilitator can end a meeting' },
  manageMembers: { roles: ['facilitator'], refusal: 'only the facilitator can rotate links or remove participants' },
  setRetention: { roles: ['facilitator'], refusal: 'only the facilitator can change how long boards are kept' },
  editCompetenceAreas: { roles: ['facilitator'], refusal: 'only the facilitator can edit the competence areas' },
  releaseAssessment: {
    roles: ['facilitator'],
    refusal: 'only the facilitator can close a self-assessment phase or change how many answers it needs',
  },
  /** Goals, ground rules, the next meeting and action items belong to the whole group. */
  editGroupProcess: { roles: contributors, refusal: 'observers can read but not change the group' },
  addProgressNote: {
    roles: contributors,
    personal: true,
    refusal: 'observers can read but not add progress notes',
  },
  selfAssess: {
    roles: contributors,
    personal: true,
    refusal: 'observers do not take part in the self-assessment',
  },
} satisfies Record<string, Rule>;
export type Action = keyof typeof accessRules;
/** Actions that need to know who the caller is. */
export type PersonalAction = {
  [A in Action]: (typeof accessRules)[A] extends { personal: true } ? A : never;
}[Action];

export interface Access {
  /** Any valid token (401 otherwise). */
  caller(req: Request): Promise<Caller>;
  /** A caller of the group in `:groupId` who may do `action`. */
  group(req: Request, action: Action): Promise<Caller & { groupId: GroupId }>;
  /** The same, for an action that needs a personal token; the participant is then known. */
  person(req: Request, action: PersonalAction): Promise<Caller & { groupId: GroupId; participantId: ParticipantId }>;
}

export function createAccess(auth: Auth): Access {
  async function caller(req: Request): Promise<Caller> {
    const token = bearerToken(req);
    if (!token) throw new HttpError(401, 'missing bearer token');
    const found = await auth.authenticate(token);
    if (!found) throw new HttpError(401, 'unknown or revoked token');
    return found;
  }
  async function group(req: Request, action: Action): Promise<Caller & { groupId: GroupId }> {
    const who = await caller(req);
    const groupId = pathParam(groupIdSchema, req.params.groupId, 'groupId');
    // A token only ever resolves to its own group, so a match also proves the group exists.
    if (who.groupId !== groupId) throw new HttpError(403, 'this token belongs to another group');
    const rule: Rule = accessRules[action];
    if (!rule.roles.includes(who.role)) throw new HttpError(403, rule.refusal);
    if (rule.personal && who.participantId === null) throw new HttpError(403, needsPersonalToken);
    return { ...who, groupId };
  }
  return {
    caller,
    group,
    async person(req, action) {
      const who = await group(req, action);
      const { participantId } = who;
      if (participantId === null) throw new HttpError(403, needsPersonalToken);
      return { ...who, participantId };
    },
  };
}

const needsPersonalToken = 'this needs your personal token: join the group with the link first';
