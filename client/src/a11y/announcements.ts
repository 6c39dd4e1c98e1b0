// What the meeting says out loud to a screen-reader user: the events between two session states
// (step changes, turns, votes opening and closing) and the timer's warnings as time passes. Each
// event has a key that names it uniquely within the meeting (a step visit, a turn, a vote, one run
// of a timer), so the announcer says it once: not again on a re-render, and not again when a
// reconnect delivers the same state.
import {
  currentSpeaker,
  currentStep,
  remainingMs,
  stepKey,
  type ParticipantId,
  type SessionState,
  type Timer,
} from '@vermeboard/shared';

export type Politeness = 'polite' | 'assertive';

export type MeetingEvent =
  | { kind: 'meetingEnded' }
  | { kind: 'step' }
  | { kind: 'yourTurn' }
  | { kind: 'turn'; speakerId: ParticipantId }
  | { kind: 'roundDone' }
  | { kind: 'voteOpened'; votesPerPerson: number }
  | { kind: 'voteClosed'; voterCount: number }
  | { kind: 'oneMinuteLeft' }
  | { kind: 'timeUp' }
  | { kind: 'turnTimeUp' };

export interface Announcement {
  /** Unique within the meeting: the same key is never announced twice. */
  key: string;
  politeness: Politeness;
  event: MeetingEvent;
}

/** The visit to the current step: the step and when it was entered, so going back is a new visit. */
function visitKey(state: SessionState): string | null {
  const current = currentStep(state);
  if (current === null) return null;
  const visit = state.stepLog.at(-1);
  return `${stepKey(current.ref)}@${visit?.enteredAt ?? 0}`;
}

/**
 * Everything `state` would announce, each under its key. The announcer remembers the keys it has
 * said; what it has not said yet and was not already true when the page first saw the meeting is
 * new. Listing state rather than diffing two states keeps it right across missed updates.
 */
export function stateAnnouncements(state: SessionState, me: ParticipantId): Announcement[] {
  const out: Announcement[] = [];
  if (state.status === 'ended') {
    out.push({ key: 'ended', politeness: 'polite', event: { kind: 'meetingEnded' } });
    return out;
  }
  const visit = visitKey(state);
  if (state.status !== 'running' || visit === null) return out;
  out.push({ key: `step:${visit}`, politeness: 'polite', event: { kind: 'step' } });
  const speaker = currentSpeaker(state);
  const turn = `turn:${visit}:${state.turns.currentIndex ?? '-'}:${state.turns.turnStartedAt ?? '-'}`;
  if (speaker === me) {
    out.push({ key: turn, politeness: 'assertive', event: { kind: 'yourTurn' } });
  } else if (speaker !== null) {
    out.push({ key: turn, politeness: 'polite', event: { kind: 'turn', speakerId: speaker } });
  } else if (state.turns.roundDone) {
    out.push({ key: `round-done:${visit}`, politeness: 'polite', event: { kind: 'roundDone' } });
  }
  for (const vote of state.votes) {
    if (vote.status === 'open') {
      out.push({
        key: `vote-open:${vote.id}`,
        politeness: 'polite',
        event: { kind: 'voteOpened', votesPerPerson: vote.votesPerPerson },
      });
    } else {
      out.push({
        key: `vote-closed:${vote.id}`,
        politeness: 'polite',
        event: { kind: 'voteClosed', voterCount: vote.voterCount ?? 0 },
      });
    }
  }
  return out;
}

/** One run of a timer: started at this moment with this duration (a +1 min makes a new run). */
function runKey(timer: Timer): string {
  return `${timer.startedAt ?? '-'}:${timer.durationMs}`;
}

const oneMinute = 60_000;

/**
 * The timer warnings due at server time `now`: one minute left in the step (when the step had
 * more than a minute to begin with), time up for the step, time up for the turn. Only while the
 * timer runs, so a paused or idle timer never warns.
 */
export function timerAnnouncements(state: SessionState, now: number): Announcement[] {
  const out: Announcement[] = [];
  if (state.status !== 'running') return out;
  const step = state.timer;
  if (step.state === 'running') {
    const left = remainingMs(step, now);
    if (left === 0) {
      out.push({ key: `time-up:${runKey(step)}`, politeness: 'assertive', event: { kind: 'timeUp' } });
    } else if (left <= oneMinute && step.durationMs > oneMinute) {
      out.push({ key: `one-minute:${runKey(step)}`, politeness: 'polite', event: { kind: 'oneMinuteLeft' } });
    }
  }
  const turn = state.turns.timer;
  if (turn.state === 'running' && remainingMs(turn, now) === 0) {
    out.push({ key: `turn-up:${runKey(turn)}`, politeness: 'assertive', event: { kind: 'turnTimeUp' } });
  }
  return out;
}

/**
 * The announcer's memory: keys already said, or already true when the page first saw the meeting
 * (someone who opens the page mid-step reads the step card; they are not told the step "changed").
 */
export class AnnouncementLog {
  private readonly said = new Set<string>();
  private primed = false;

  /** The announcements not said before; the first call only remembers what is already true. */
  fresh(candidates: readonly Announcement[]): Announcement[] {
    if (!this.primed) {
      this.primed = true;
      for (const a of candidates) this.said.add(a.key);
      return [];
    }
    const out = candidates.filter((a) => !this.said.has(a.key));
    for (const a of out) this.said.add(a.key);
    return out;
  }
}
