// What the server writes into a presence (awareness) state before it stores and relays it.
//
// Identity: `user.id`, `user.name` and `user.role` come from the connection (its participant and
// the name stored for them), never from the sender, so nobody can show up in cursors or the people
// list as someone else, or hide there. A link-token connection has no participant, so its state
// carries no `user` and no client lists it. The colour stays the sender's choice (a #rrggbb string).
//
// Hiding: during silent steps and open votes (see shared `hidesCursors`), the fields that show where
// someone points and what they select are emptied, rather than the whole state dropped, so that the
// people list keeps working. The page, camera and viewport stay: they follow whole screens, not notes.
import type { Role } from '@vermeboard/shared';
import type { AwarenessState } from './protocol.js';

export interface PresenceIdentity {
  id: string;
  name: string;
  role: Role;
}

const colorPattern = /^#[0-9a-fA-F]{6}$/;

/** tldraw instance_presence fields that give away a pointer or a selection, with their empty values. */
const hiddenPresence = { cursor: null, selectedShapeIds: [], brush: null, scribbles: [], chatMessage: '' } as const;

/**
 * The state as the server relays it. A state that already is what stamping makes of it (what an
 * honest browser sends) comes back as the same object, so that its JSON can be relayed as received.
 */
export function stampPresence(
  state: AwarenessState,
  identity: PresenceIdentity | null,
  hideCursors: boolean,
): AwarenessState {
  if (isStamped(state, identity, hideCursors)) return state;
  const { user, presence, ...rest } = state;
  const stamped: AwarenessState = { ...rest };
  if (identity) {
    const color = isObject(user) && typeof user.color === 'string' && colorPattern.test(user.color) ? user.color : null;
    stamped.user = { id: identity.id, name: identity.name, role: identity.role, ...(color ? { color } : {}) };
  }
  if (presence !== undefined) {
    stamped.presence = hideCursors && isObject(presence) ? { ...presence, ...hiddenPresence } : presence;
  }
  return stamped;
}

function isStamped(state: AwarenessState, identity: PresenceIdentity | null, hideCursors: boolean): boolean {
  const { user, presence } = state;
  if (identity === null) {
    if (Object.hasOwn(state, 'user')) return false;
  } else {
    if (!isObject(user) || user.id !== identity.id || user.name !== identity.name || user.role !== identity.role) {
      return false;
    }
    const hasColor = Object.hasOwn(user, 'color');
    if (hasColor && !(typeof user.color === 'string' && colorPattern.test(user.color))) return false;
    if (Object.keys(user).length !== (hasColor ? 4 : 3)) return false;
  }
  if (!hideCursors || !isObject(presence)) return true;
  return (
    presence.cursor === null &&
    presence.brush === null &&
    presence.chatMessage === '' &&
    isEmptyArray(presence.selectedShapeIds) &&
    isEmptyArray(presence.scribbles)
  );
}

function isEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
