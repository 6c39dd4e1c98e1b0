// Camera moves (a step bringing everyone to its frames, following the facilitator, showing an item
// from the outline) glide, unless the person asked their system for reduced motion: then they jump,
// as WCAG 2.3.3 asks of motion started by someone else.
export type MotionPreference = () => boolean;

export const prefersReducedMotion: MotionPreference = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The camera options for a move of `durationMs`: none at all (an instant move) under reduced motion. */
export function cameraMove(
  durationMs: number,
  reduced: MotionPreference = prefersReducedMotion,
): { animation?: { duration: number } } {
  return reduced() ? {} : { animation: { duration: durationMs } };
}
