import type { GroupId, ParticipantId, Role } from '@vermeboard/shared';

/** Who a sync connection belongs to, as the authorize hook decided it. Never holds the token itself. */
export interface SyncAuth {
  groupId: GroupId;
  role: Role;
  /** null for someone connected with a shared link token rather than a personal participant token. */
  participantId: ParticipantId | null;
  /** The participant's stored display name (null with participantId), stamped into their presence. */
  displayName: string | null;
  /** Hash of the token the connection presented, to close its connections when it is revoked. */
  tokenHash: string;
}

export type AuthorizeResult =
  { ok: true; access: 'read' | 'write'; auth: SyncAuth } | { ok: false; status: 400 | 401 | 403 | 404 };
