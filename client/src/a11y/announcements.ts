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
  timerPhase,
  type ParticipantId,
  type SessionState,
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

const oneMinute = 60_000;

/**
 * The timer warnings, watched as time passes: "one minute left" when the step's remaining time
 * goes from more than a minute to a minute or less while it runs (so a step that starts with a
 * minute or less never warns), and "time is up" when the step's or the turn's timer reaches zero
 * (by running out or by the facilitator removing the last minute); each once per step visit. The first look only takes in how things stand: a page
 * opened after time ran out says nothing.
 */
export class TimerWatch {
  private first = true;
  private stepAboveMinute = false;
  private stepUp = false;
  private turnUp = false;
  /** What was said, per step visit: a state seen twice (a late echo) says nothing twice. */
  private readonly said = new Set<string>();

  observe(state: SessionState, now: number): Announcement[] {
    const out: Announcement[] = [];
    const running = state.status === 'running';
    const visit = visitKey(state) ?? '-';
    const step = state.timer;
    const turn = state.turns.timer;
    const left = remainingMs(step, now);
    const stepUp = running && timerPhase(step, now) === 'finished';
    const turnUp = running && timerPhase(turn, now) === 'finished';
    // Once per step visit (and per turn): adding and removing time must not make it say again.
    const turnKey = `${state.turns.currentIndex ?? '-'}`;
    const say = (kind: 'oneMinuteLeft' | 'timeUp' | 'turnTimeUp', politeness: Politeness) => {
      const key = `${kind}:${visit}:${kind === 'turnTimeUp' ? turnKey : ''}`;
      if (this.said.has(key)) return;
      this.said.add(key);
      out.push({ key, politeness, event: { kind } });
    };
    if (!this.first) {
      if (running && step.state === 'running' && left > 0 && left <= oneMinute && this.stepAboveMinute) {
        say('oneMinuteLeft', 'polite');
      }
      if (stepUp && !this.stepUp) say('timeUp', 'assertive');
      if (turnUp && !this.turnUp) say('turnTimeUp', 'assertive');
    }
    this.first = false;
    this.stepAboveMinute = running && step.state !== 'idle' && left > oneMinute;
    this.stepUp = stepUp;
    this.turnUp = turnUp;
    return out;
  }
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
