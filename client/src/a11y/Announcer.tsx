// The one announcer of a meeting page: two visually hidden live regions, polite and assertive,
// that everything announcing goes through (step changes, turns, timer warnings, votes, the
// outline's new notes, dot feedback). Each message is a new paragraph in its region, so a screen
// reader reads the addition even when the same words come twice; the last few stay, older ones
// are dropped. The page's own visible texts (step card, countdowns) are not live regions, so
// nothing is read twice.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { currentStep, speakingCue, type ParticipantId, type SessionState } from '@vermeboard/shared';
import { useI18n, type Translate } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { cueText } from '../facilitation/cueText.js';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useRoomView } from '../rooms/RoomView.js';
import { agendaStepNumber } from '../facilitation/StepCard.js';
import { useServerNow } from '../facilitation/useServerNow.js';
import { countText } from '../outline/outlineText.js';
import {
  AnnouncementLog,
  stateAnnouncements,
  TimerWatch,
  type Announcement,
  type Politeness,
} from './announcements.js';

export type Announce = (text: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce | null>(null);

/** Says `text` through the page's live regions; politely unless it must interrupt. */
export function useAnnounce(): Announce {
  const announce = useContext(AnnouncerContext);
  if (!announce) throw new Error('useAnnounce must be used inside <AnnouncerProvider>');
  return announce;
}

interface Message {
  id: number;
  text: string;
}

const kept = 3;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState<Message[]>([]);
  const [assertive, setAssertive] = useState<Message[]>([]);
  const seq = useRef(0);
  const announce = useCallback<Announce>((text, politeness = 'polite') => {
    if (text.trim() === '') return;
    const message = { id: ++seq.current, text };
    const add = (list: Message[]) => [...list, message].slice(-kept);
    if (politeness === 'assertive') setAssertive(add);
    else setPolite(add);
  }, []);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="vb-visually-hidden" role="status" aria-live="polite" data-testid="announcer-polite">
        {polite.map((m) => (
          <p key={m.id}>{m.text}</p>
        ))}
      </div>
      <div className="vb-visually-hidden" role="alert" aria-live="assertive" data-testid="announcer-assertive">
        {assertive.map((m) => (
          <p key={m.id}>{m.text}</p>
        ))}
      </div>
    </AnnouncerContext.Provider>
  );
}

/** Announces the meeting's events as the session changes and as its timers run. */
export function MeetingAnnouncements() {
  const { t, locale } = useI18n();
  const { state, me, clock } = useFacilitation();
  const { visiting } = useRoomView();
  const announce = useAnnounce();
  const stateLog = useMemo(() => new AnnouncementLog(), []);
  const timers = useMemo(() => new TimerWatch(), []);
  const timing =
    state?.status === 'running' && (state.timer.state === 'running' || state.turns.timer.state === 'running');
  const now = useServerNow(clock, timing, 500);

  useEffect(() => {
    if (state === null) return;
    for (const a of stateLog.fresh(stateAnnouncements(state, me))) {
      announce(announcementText(a, state, me, t, locale, visiting), a.politeness);
    }
  }, [state, me, stateLog, announce, t, locale, visiting]);

  useEffect(() => {
    if (state === null) return;
    for (const a of timers.observe(state, now)) {
      announce(announcementText(a, state, me, t, locale, visiting), a.politeness);
    }
  }, [state, now, me, timers, announce, t, locale, visiting]);
  return null;
}

export function announcementText(
  a: Announcement,
  state: SessionState,
  me: ParticipantId,
  t: Translate,
  locale: Locale,
  /** The room the facilitator is visiting, whose cue the step card shows them. */
  visiting: number | null = null,
): string {
  const event = a.event;
  // Turns are said as the step card's cue says them (with Finnish names in the right case).
  const cue = () => cueText(speakingCue(state, me, { visiting }), state, t, locale);
  switch (event.kind) {
    case 'meetingEnded':
      return t('a11y.announce.ended');
    case 'step': {
      const { n, total } = agendaStepNumber(state);
      const step = currentStep(state)?.step.title[locale] ?? '';
      return t('a11y.announce.step', { n, total, step, cue: cue() });
    }
    case 'yourTurn':
    case 'turn':
    case 'roundDone':
      return cue();
    case 'voteOpened':
      return countText(t, locale, 'a11y.announce.voteOpened', event.votesPerPerson);
    case 'voteClosed':
      return countText(t, locale, 'a11y.announce.voteClosed', event.voterCount);
    case 'oneMinuteLeft':
      return t('a11y.announce.oneMinute');
    case 'timeUp':
      return t('a11y.announce.timeUp');
    case 'turnTimeUp':
      return t('a11y.announce.turnTimeUp');
  }
}
