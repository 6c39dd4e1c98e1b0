// What a board client publishes in Yjs awareness, and how a state received from another client is
// checked before anything is drawn from it. Awareness comes straight from other browsers: every
// string is bounded, every number must be finite, and tldraw's own validator has the last word.
import { InstancePresenceRecordType, createUserId, type TLInstancePresence, type TLInstancePresenceID } from 'tldraw';
import { limits, roleSchema, type Role } from '@vermeboard/shared';

export interface AwarenessUser {
  /** Participant id: the same person in two tabs has one id and two awareness clients. */
  id: string;
  name: string;
  color: string;
  role: Role;
}

/** The presence part of a state: tldraw's instance_presence record without its id. */
export type PublishedPresence = Omit<TLInstancePresence, 'id' | 'typeName'>;

export interface AwarenessState {
  user: AwarenessUser;
  presence: PublishedPresence | null;
}

export const presenceBounds = {
  selectedShapes: 200,
  scribbles: 8,
  scribblePoints: 256,
  chatMessage: 280,
  recordId: 128,
} as const;

const fallbackColor = '#808080';
const participantIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const colorPattern = /^#[0-9a-fA-F]{6}$/;
// C0/C1 controls and bidi overrides: harmless to React, but they garble a name in a list.
const invisibleChars = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function parseAwarenessUser(value: unknown): AwarenessUser | null {
  if (!isObject(value)) return null;
  const { id, name, color, role } = value;
  if (typeof id !== 'string' || !participantIdPattern.test(id)) return null;
  return {
    id,
    name: typeof name === 'string' ? cleanName(name) : '',
    // Only #rrggbb reaches a style attribute or an SVG fill: no url(), no expressions.
    color: typeof color === 'string' && colorPattern.test(color) ? color : fallbackColor,
    // The role another client claims is shown, never trusted: the server enforces what it may do.
    role: roleSchema.safeParse(role).data ?? 'member',
  };
}

export function cleanName(name: string): string {
  return name.replace(invisibleChars, '').trim().slice(0, limits.displayName);
}

/**
 * Builds the instance_presence record for one remote awareness client, or null when the state
 * has no usable presence. `lastActivityTimestamp` is supplied by the caller in local time: the
 * sender's clock may be minutes off, and tldraw hides cursors it thinks are stale.
 */
export function presenceRecordFromAwareness(
  clientId: number,
  state: unknown,
  lastActivityTimestamp: number,
): TLInstancePresence | null {
  if (!isObject(state)) return null;
  const user = parseAwarenessUser(state.user);
  const p = state.presence;
  if (!user || !isObject(p)) return null;
  try {
    const record = InstancePresenceRecordType.create({
      id: presenceRecordId(clientId),
      userId: createUserId(user.id),
      userName: user.name,
      color: user.color,
      currentPageId: boundedString(p.currentPageId, presenceBounds.recordId) as TLInstancePresence['currentPageId'],
      cursor: isObject(p.cursor)
        ? {
            x: p.cursor.x as number,
            y: p.cursor.y as number,
            rotation: p.cursor.rotation as number,
            type: boundedString(p.cursor.type, 32) as NonNullable<TLInstancePresence['cursor']>['type'],
          }
        : null,
      camera: isObject(p.camera) ? { x: p.camera.x as number, y: p.camera.y as number, z: p.camera.z as number } : null,
      screenBounds: box(p.screenBounds),
      brush: box(p.brush),
      selectedShapeIds: (Array.isArray(p.selectedShapeIds) ? p.selectedShapeIds : [])
        .slice(0, presenceBounds.selectedShapes)
        .map((id) => boundedString(id, presenceBounds.recordId)) as TLInstancePresence['selectedShapeIds'],
      scribbles: scribbles(p.scribbles),
      followingUserId:
        typeof p.followingUserId === 'string'
          ? (boundedString(p.followingUserId, presenceBounds.recordId) as TLInstancePresence['followingUserId'])
          : null,
      chatMessage: typeof p.chatMessage === 'string' ? p.chatMessage.slice(0, presenceBounds.chatMessage) : '',
      lastActivityTimestamp,
      meta: {},
    });
    // tldraw's validator rejects non-finite numbers, unknown cursor types and malformed ids.
    return InstancePresenceRecordType.validate(record);
  } catch {
    return null;
  }
}

/** Trims what this client publishes so that its state stays well inside the server's cap. */
export function publishablePresence(record: TLInstancePresence): PublishedPresence {
  const { id: _id, typeName: _typeName, ...presence } = record;
  return {
    ...presence,
    selectedShapeIds: presence.selectedShapeIds.slice(0, presenceBounds.selectedShapes),
    scribbles: presence.scribbles
      .slice(0, presenceBounds.scribbles)
      .map((s) => ({ ...s, points: s.points.slice(-presenceBounds.scribblePoints) })),
    chatMessage: presence.chatMessage.slice(0, presenceBounds.chatMessage),
    meta: {},
  };
}

export function presenceRecordId(clientId: number): TLInstancePresenceID {
  return InstancePresenceRecordType.createId(`client-${clientId}`);
}

function scribbles(value: unknown): TLInstancePresence['scribbles'] {
  if (!Array.isArray(value) || value.length > presenceBounds.scribbles) return [];
  for (const s of value) {
    if (!isObject(s) || !Array.isArray(s.points) || s.points.length > presenceBounds.scribblePoints) return [];
  }
  // The shape of each scribble is left to tldraw's validator.
  return value as TLInstancePresence['scribbles'];
}

function box(value: unknown): TLInstancePresence['brush'] {
  if (!isObject(value)) return null;
  return { x: value.x as number, y: value.y as number, w: value.w as number, h: value.h as number };
}

function boundedString(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max) throw new Error('bad string');
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
