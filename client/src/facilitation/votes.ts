// Dot voting from a participant's side: which vote is open, which notes it is about (the notes
// whose parent chain includes the vote's frame — the rule the server applies, voteTargets.ts), and
// how many of one's dots are left. Only one's own dots reach this browser before the vote closes.
import {
  currentStep,
  isLayoutShapeId,
  stepKey,
  type MyBallotsResponse,
  type SessionState,
  type Vote,
} from '@vermeboard/shared';

export function openVote(state: SessionState): Vote | null {
  return state.votes.find((v) => v.status === 'open') ?? null;
}

/**
 * The latest closed vote of the current step, whose counts stay on the notes until another vote
 * starts or the meeting moves on: a result from an earlier step is no cue for this one.
 */
export function shownResults(state: SessionState): Vote | null {
  if (openVote(state) !== null) return null;
  const latest = state.votes.findLast((v) => v.status === 'closed') ?? null;
  const current = currentStep(state);
  if (latest === null || current === null) return null;
  return latest.step === undefined || latest.step === stepKey(current.ref) ? latest : null;
}

export interface ShapeLike {
  id: string;
  type: string;
  parentId: string;
}

/** A participant's note inside the frame; template prompt notes get no vote buttons (the server refuses them too). */
export function isNoteInFrame(shapes: ReadonlyMap<string, ShapeLike>, frameId: string, shapeId: string): boolean {
  if (isLayoutShapeId(shapeId)) return false;
  const shape = shapes.get(shapeId);
  if (shape === undefined || shape.type !== 'note') return false;
  let parent: string | undefined = shape.parentId;
  for (let depth = 0; parent !== undefined && depth < 16; depth++) {
    if (parent === frameId) return true;
    parent = shapes.get(parent)?.parentId;
  }
  return false;
}

export function myDots(ballots: MyBallotsResponse | null, voteId: string): readonly string[] {
  return ballots?.votes[voteId] ?? [];
}

export function dotsLeft(vote: Vote, mine: readonly string[]): number {
  return Math.max(0, vote.votesPerPerson - mine.length);
}

export function dotsOn(mine: readonly string[], shapeId: string): number {
  return mine.filter((id) => id === shapeId).length;
}
