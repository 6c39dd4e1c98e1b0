// When live cursors would give away what people are doing privately. In a silent step everyone
// writes private notes, and a cursor parked on the board shows where each person's note is going;
// while a dot vote is open, a cursor over a note shows who is voting for it. Then the server strips
// cursors and selections from the presence it relays (names stay, so the people list still works).
import { currentStep } from './agenda.js';
import type { MethodLibrary } from './methods/index.js';
import type { SessionState } from './session.js';

export function hidesCursors(state: SessionState, methods?: MethodLibrary): boolean {
  if (state.status !== 'running') return false;
  if (state.votes.some((v) => v.status === 'open')) return true;
  return currentStep(state, methods)?.step.speakingMode === 'silent';
}
