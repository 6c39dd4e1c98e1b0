// "Bring everyone here" and spotlight: where a participant's viewport should go when the session's
// focus changes, and whether they have wandered off since.
import type { FocusTarget } from '@vermeboard/shared';

export interface Bounds {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The page bounds to show for a focus target; a spotlighted frame that is not on the board yet has none. */
export function focusBounds(
  target: FocusTarget | null,
  frameBounds: (shapeId: string) => Bounds | null,
): Bounds | null {
  if (target === null) return null;
  if (target.kind === 'viewport') return { x: target.x, y: target.y, w: target.w, h: target.h };
  return frameBounds(target.shapeId);
}

/**
 * Whether the viewport has left the target: it no longer shows most of the target, or zoomed so
 * far in that it shows little of it. Screens differ in shape, so an exact match is never expected.
 */
export function isAway(viewport: Bounds, target: Bounds): boolean {
  const overlapW = Math.max(0, Math.min(viewport.x + viewport.w, target.x + target.w) - Math.max(viewport.x, target.x));
  const overlapH = Math.max(0, Math.min(viewport.y + viewport.h, target.y + target.h) - Math.max(viewport.y, target.y));
  const overlap = overlapW * overlapH;
  const shownOfTarget = overlap / (target.w * target.h);
  const targetOfView = overlap / (viewport.w * viewport.h);
  return shownOfTarget < 0.6 && targetOfView < 0.6;
}

/**
 * Whether to offer "Back to the facilitator": only to someone who follows a focus and has wandered
 * off from it. The facilitator is never asked to follow themselves — not even right after a
 * hand-over made them facilitator while an earlier "Bring everyone here" was still followed.
 */
export function offersWayBack(isFacilitator: boolean, viewport: Bounds, followed: Bounds | null): boolean {
  return !isFacilitator && followed !== null && isAway(viewport, followed);
}

/**
 * The smallest zoom at which a sticky note's text is readable: tldraw draws a note's medium text
 * at about 22 px, so below 0.55 it falls under 12 px on screen (the 34–38 % the group saw).
 */
export const readableZoom = 0.55;

/**
 * The camera that shows `target` (page bounds) in a viewport of `screen` size with `inset` pixels
 * around it — or, when fitting it whole would make text unreadable, the target's top-left part at
 * the readable zoom, so the frame's label and its first notes are what people see.
 */
export function stepCamera(
  target: Bounds,
  screen: { w: number; h: number },
  inset: number,
  minZoom = readableZoom,
): { x: number; y: number; z: number } {
  const room = { w: Math.max(1, screen.w - 2 * inset), h: Math.max(1, screen.h - 2 * inset) };
  const fit = Math.min(1, room.w / target.w, room.h / target.h);
  const z = Math.max(fit, minZoom);
  // Centred when it fits; otherwise anchored at the target's top-left corner.
  const x = fit >= minZoom ? (screen.w / z - target.w) / 2 - target.x : inset / z - target.x;
  const y = fit >= minZoom ? (screen.h / z - target.h) / 2 - target.y : inset / z - target.y;
  return { x, y, z };
}
