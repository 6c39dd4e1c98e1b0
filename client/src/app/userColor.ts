// A participant's cursor and name colour, the same on every screen and every visit because it is
// derived from the participant id. Every colour carries white name labels at WCAG AA contrast (≥ 4.5:1).
export const userColors = [
  '#c62828', // red
  '#ad1457', // pink
  '#8e24aa', // purple
  '#4527a0', // deep purple
  '#1565c0', // blue
  '#0277bd', // light blue
  '#00695c', // teal
  '#2e7d32', // green
  '#bf360c', // deep orange
  '#4e342e', // brown
  '#37474f', // blue grey
  '#6a1b9a', // violet
] as const;

export function userColor(participantId: string): string {
  // FNV-1a: tiny, and spreads similar ids (which differ in a few characters) across the palette.
  let hash = 0x811c9dc5;
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return userColors[(hash >>> 0) % userColors.length]!;
}
